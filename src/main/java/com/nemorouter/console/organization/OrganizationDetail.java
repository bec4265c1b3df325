package com.nemorouter.console.organization;

import java.util.List;

import com.nemorouter.console.member.MemberRow;
import com.nemorouter.console.presence.Presence;
import com.nemorouter.console.presence.PresenceReport;
import com.nemorouter.console.team.TeamRow;

/**
 * Everything the organization screen shows, read in one transaction.
 *
 * @param nemoName      {@code nemo.organizations.name}, null when the org is missing there
 * @param liteLlmAlias  {@code LiteLLM_OrganizationTable.organization_alias}, null when missing there
 * @param authContextOrgId what the NemoRouter backend would put in {@code AuthContext.org_id} for this
 *                      org's keys: LiteLLM's column value, or null when LiteLLM has no such org
 * @param memberTotal   all members; {@code members} holds at most {@link OrganizationService#MEMBER_LIMIT}
 */
public record OrganizationDetail(String id, String nemoName, String slug, String plan, String liteLlmAlias,
                                 String authContextOrgId, PresenceReport presence, List<TeamRow> teams,
                                 List<MemberRow> members, long memberTotal) {

    public OrganizationDetail {
        teams = List.copyOf(teams);
        members = List.copyOf(members);
    }

    public Presence corePresence() {
        return Presence.of(nemoName != null, liteLlmAlias != null);
    }

    public String displayName() {
        return nemoName != null ? nemoName : liteLlmAlias != null ? liteLlmAlias : id;
    }
}
