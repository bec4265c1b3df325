package com.nemorouter.console.membership;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import com.nemorouter.console.presence.Ids;

/**
 * One membership edit as the UI and the command line ask for it: which organization or team, what to do,
 * to which users (Supabase UUIDs or emails) and with which role. The constructor checks everything that
 * can be checked without the database, so bad input is refused before a connection is touched.
 *
 * @param targetId          the organization or team UUID, normalised to lowercase (LiteLLM's spelling)
 * @param users             UUIDs or emails, duplicates removed, in the order given
 * @param role              the new role for {@link Operation#ADD} and {@link Operation#ROLE}; null for remove
 * @param includeTeams      organization remove only: also remove the users from the org's teams
 * @param addToOrganization team add only: add users who are not members of the team's org to it as well
 */
public record MembershipEdit(Scope scope, Operation operation, String targetId, List<String> users, String role,
                             boolean includeTeams, boolean addToOrganization) {

    public static final List<String> ORGANIZATION_ROLES = List.of("org_admin", "internal_user", "internal_user_viewer");
    public static final List<String> TEAM_ROLES = List.of("admin", "user");
    /** The role a user gets when a team add also adds them to the team's organization. */
    public static final String DEFAULT_ORGANIZATION_ROLE = "internal_user";

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+");
    private static final Pattern UUID_ANY_CASE = Pattern.compile(Ids.SQL_UUID_PATTERN);

    public enum Scope { ORGANIZATION, TEAM }

    public enum Operation { ADD, ROLE, REMOVE }

    /** @throws IllegalArgumentException naming the first problem (bad input: nothing is written) */
    public MembershipEdit {
        if (scope == null || operation == null) {
            throw new IllegalArgumentException("say whether the edit is for an organization or a team, and what to do");
        }
        String what = scope == Scope.ORGANIZATION ? "organization" : "team";
        if (targetId == null || targetId.isBlank()) {
            throw new IllegalArgumentException("no " + what + " given");
        }
        if (!UUID_ANY_CASE.matcher(targetId.strip()).matches()) {
            throw new IllegalArgumentException("malformed " + what + " UUID: " + targetId);
        }
        targetId = targetId.strip().toLowerCase(Locale.ROOT);
        if (users == null || users.isEmpty()) {
            throw new IllegalArgumentException("no user given");
        }
        Set<String> distinct = new LinkedHashSet<>();
        for (String user : users) {
            String value = user == null ? "" : user.strip();
            if (!UUID_ANY_CASE.matcher(value).matches() && !EMAIL.matcher(value).matches()) {
                throw new IllegalArgumentException(value.isEmpty() ? "empty user given"
                        : "malformed user: " + value + " is neither a UUID nor an email");
            }
            distinct.add(value);
        }
        users = List.copyOf(new ArrayList<>(distinct));
        List<String> roles = scope == Scope.ORGANIZATION ? ORGANIZATION_ROLES : TEAM_ROLES;
        if (operation == Operation.REMOVE) {
            if (role != null) {
                throw new IllegalArgumentException("a remove takes no role");
            }
        } else if (role == null || role.isBlank()) {
            throw new IllegalArgumentException("no role given; " + what + " roles are " + String.join(", ", roles));
        } else if (!roles.contains(role)) {
            throw new IllegalArgumentException("unknown " + what + " role " + role + "; use one of " + String.join(", ", roles));
        }
        if (includeTeams && !(scope == Scope.ORGANIZATION && operation == Operation.REMOVE)) {
            throw new IllegalArgumentException("removing from the org's teams applies to an organization remove only");
        }
        if (addToOrganization && !(scope == Scope.TEAM && operation == Operation.ADD)) {
            throw new IllegalArgumentException("adding to the team's organization applies to a team add only");
        }
    }

    public static MembershipEdit organizationAdd(String organizationId, List<String> users, String role) {
        return new MembershipEdit(Scope.ORGANIZATION, Operation.ADD, organizationId, users, role, false, false);
    }

    public static MembershipEdit organizationRole(String organizationId, List<String> users, String role) {
        return new MembershipEdit(Scope.ORGANIZATION, Operation.ROLE, organizationId, users, role, false, false);
    }

    public static MembershipEdit organizationRemove(String organizationId, List<String> users, boolean includeTeams) {
        return new MembershipEdit(Scope.ORGANIZATION, Operation.REMOVE, organizationId, users, null, includeTeams, false);
    }

    public static MembershipEdit teamAdd(String teamId, List<String> users, String role, boolean addToOrganization) {
        return new MembershipEdit(Scope.TEAM, Operation.ADD, teamId, users, role, false, addToOrganization);
    }

    public static MembershipEdit teamRole(String teamId, List<String> users, String role) {
        return new MembershipEdit(Scope.TEAM, Operation.ROLE, teamId, users, role, false, false);
    }

    public static MembershipEdit teamRemove(String teamId, List<String> users) {
        return new MembershipEdit(Scope.TEAM, Operation.REMOVE, teamId, users, null, false, false);
    }

    /** The same edit, also adding users outside the team's organization to it (the UI's offer). */
    public MembershipEdit withAddToOrganization() {
        return new MembershipEdit(scope, operation, targetId, users, role, includeTeams, true);
    }
}
