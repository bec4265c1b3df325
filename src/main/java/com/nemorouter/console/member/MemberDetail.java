package com.nemorouter.console.member;

import java.util.List;

import com.nemorouter.console.presence.Ids;
import com.nemorouter.console.presence.PresenceReport;

/**
 * One user id as every table sees it, as the member view's first read finds it: its teams (a scan of every
 * roster, {@link MemberService#teams}) and the large tables' presence counts stream in after.
 *
 * @param inAuth        {@code auth.users} has a user whose id, as text, is exactly this id
 * @param inLiteLlm     {@code LiteLLM_UserTable} has exactly this user_id
 * @param authEmail     {@code auth.users.email}, null when auth has no user with exactly this id
 * @param liteLlmEmail  {@code LiteLLM_UserTable.user_email}, null when LiteLLM has no such user
 * @param userTeams     {@code LiteLLM_UserTable.teams}
 * @param presence      the first read's presence: large unindexed columns are pending
 */
public record MemberDetail(String userId, boolean inAuth, boolean inLiteLlm, String authEmail, String fullName,
                           String liteLlmEmail,
                           String globalRole, List<String> userTeams, List<Organization> organizations,
                           long keyCount, PresenceReport presence) {

    public MemberDetail {
        userTeams = List.copyOf(userTeams);
        organizations = List.copyOf(organizations);
    }

    /**
     * A UUID stored in another spelling than lowercase canonical: a uuid column still matches it, but
     * every text join with LiteLLM misses it.
     */
    public boolean nonCanonicalUuid() {
        return Ids.asUuid(userId).isPresent() && !Ids.isCanonicalUuid(userId);
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
