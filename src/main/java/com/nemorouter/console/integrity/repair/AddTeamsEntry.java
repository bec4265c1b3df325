package com.nemorouter.console.integrity.repair;

import static com.nemorouter.console.integrity.repair.RepairSql.object;
import static com.nemorouter.console.integrity.repair.RepairSql.parameters;

import java.util.List;

import com.nemorouter.console.audit.AuditEntry;
import com.nemorouter.console.integrity.Finding;
import com.nemorouter.console.integrity.RepairChoice;
import com.nemorouter.console.integrity.RepairPlan;
import com.nemorouter.console.integrity.RepairStatement;

import jakarta.persistence.EntityManager;

/**
 * {@code roster_teams_drift}: add the team to the user's {@code teams} array. Only that direction is safe
 * (the roster is the source of truth); a stale {@code teams} entry needs a decision.
 */
final class AddTeamsEntry implements Repair {

    private static final String ADD_TEAM_TO_USER = """
            update {litellm}."LiteLLM_UserTable" set teams = array_append(coalesce(teams, '{}'), :team), updated_at = timezone('utc', now())
            where user_id = :user and array_position(coalesce(teams, '{}'), :team) is null""";

    @Override
    public List<RepairChoice> choices(Finding finding) {
        return finding.tables().get(0).equals("LiteLLM_TeamTable") ? List.of(RepairChoice.DEFAULT) : List.of();
    }

    @Override
    public RepairPlan plan(EntityManager em, Finding finding, RepairChoice choice) {
        String user = finding.entityId();
        String team = finding.related().get(0);
        RosterMember.require(em, team, user);
        return new RepairPlan(finding, choice, "Add team " + team + " to user " + user
                + "'s LiteLLM_UserTable.teams", List.of(new RepairStatement(ADD_TEAM_TO_USER,
                parameters("team", team, "user", user))),
                List.of(team), List.of(user), List.of(AuditEntry.updated("LiteLLM_UserTable", user,
                object("user_id", user), object("user_id", user, "added_team", team))));
    }
}
