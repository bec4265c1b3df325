package com.nemorouter.console.organization;

import java.util.List;

import com.nemorouter.console.presence.Presence;
import com.nemorouter.console.presence.PresenceReport;
import com.nemorouter.console.team.TeamRow;

/**
 * What the organization screen shows first, read in one transaction: the core rows, the teams and the presence
 * with the counts of large unindexed columns still pending (they stream in after, as do the members).
 *
 * @param nemoName      {@code nemo.organizations.name}, null when the org is missing there
 * @param liteLlmAlias  {@code LiteLLM_OrganizationTable.organization_alias}, null when missing there
 * @param authContextOrgId what the NemoRouter backend would put in {@code AuthContext.org_id} for this
 *                      org's keys: LiteLLM's column value, or null when LiteLLM has no such org
 * @param presence      the first read's presence: large unindexed columns are pending
 */
public record OrganizationDetail(String id, String nemoName, String slug, String plan, String liteLlmAlias,
                                 String authContextOrgId, PresenceReport presence, List<TeamRow> teams) {

    public OrganizationDetail {
        teams = List.copyOf(teams);
    }

    public Presence corePresence() {
        return Presence.of(nemoName != null, liteLlmAlias != null);
    }

    public String displayName() {
        return nemoName != null ? nemoName : liteLlmAlias != null ? liteLlmAlias : id;
    }
}
