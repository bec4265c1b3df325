package com.nemorouter.console.member;

import java.util.List;

import com.nemorouter.console.presence.PresenceReport;

/**
 * One user id as every table sees it.
 *
 * @param authEmail     {@code auth.users.email}, null when auth has no user with exactly this id
 * @param liteLlmEmail  {@code LiteLLM_UserTable.user_email}, null when LiteLLM has no such user
 * @param userTeams     {@code LiteLLM_UserTable.teams}
 */
public record MemberDetail(String userId, String authEmail, String fullName, String liteLlmEmail,
                           String globalRole, List<String> userTeams, List<Organization> organizations,
                           List<Team> teams, long keyCount, PresenceReport presence) {

    public MemberDetail {
        userTeams = List.copyOf(userTeams);
        organizations = List.copyOf(organizations);
        teams = List.copyOf(teams);
    }

    public boolean inAuth() {
        return authEmail != null || presence.rowsIn("auth", "users") > 0;
    }

    public boolean inLiteLlm() {
        return liteLlmEmail != null || presence.rowsIn("public", "LiteLLM_UserTable") > 0;
    }

    public String email() {
        return authEmail != null ? authEmail : liteLlmEmail;
    }

    /** An org membership ({@code LiteLLM_OrganizationMembership}). */
    public record Organization(String organizationId, String name, String role) {
    }

    /** A team whose {@code members_with_roles} lists the user. */
    public record Team(String teamId, String name, String organizationId, String role, boolean inUserTeams) {
    }
}
