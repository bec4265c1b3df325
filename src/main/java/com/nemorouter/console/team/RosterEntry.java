package com.nemorouter.console.team;

import java.util.ArrayList;
import java.util.List;

import com.nemorouter.console.presence.Mark;

/**
 * One entry of a team's {@code members_with_roles}, checked against the other copies of the roster.
 *
 * @param inUserTeams       the user's {@code LiteLLM_UserTable.teams} lists the team
 * @param hasTeamMembership a {@code LiteLLM_TeamMembership} row exists
 * @param inOrganization    the user is a member of the team's (LiteLLM) organization
 * @param inAuth            {@code auth.users} has exactly this id
 */
public record RosterEntry(String userId, String email, String role, boolean inUserTable, boolean inUserTeams,
                          boolean hasTeamMembership, boolean inOrganization, boolean inAuth) {

    /** The drift marks for this entry, readable without colour; empty when all copies agree. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (userId == null) {
            problems.add("no user_id (legacy email-only entry)");
            return problems;
        }
        if (!inUserTable) {
            problems.add("no LiteLLM user row");
        } else if (!inUserTeams) {
            problems.add("user's teams[] lacks this team");
        }
        if (!inOrganization) {
            problems.add("not a member of the team's org");
        }
        if (!inAuth) {
            problems.add("not in auth.users");
        }
        return problems;
    }

    public String status() {
        List<String> problems = problems();
        return problems.isEmpty() ? "✔ consistent" : "✘ " + String.join("; ", problems);
    }

    /** The typed status beside {@link #status()}: any problem means the roster's copies have drifted apart. */
    public Mark mark() {
        return problems().isEmpty() ? Mark.OK : Mark.DRIFT;
    }
}
