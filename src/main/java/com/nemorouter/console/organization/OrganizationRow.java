package com.nemorouter.console.organization;

import com.nemorouter.console.presence.Presence;

/**
 * One line of the organization list. {@code memberCount} is {@link #NOT_COUNTED} while the count is still
 * being computed (it streams in after the page; see {@link OrganizationService#firstPage}). {@code id} is the org UUID as text; for an org that exists only
 * in LiteLLM it is LiteLLM's text exactly as stored, so a non-canonical id stays visible.
 */
public record OrganizationRow(String id, String name, String slug, String liteLlmAlias, String plan,
                              long teamCount, long memberCount, Presence presence, String sortKey) {

    public static final long NOT_COUNTED = -1;

    public OrganizationRow withMemberCount(long count) {
        return new OrganizationRow(id, name, slug, liteLlmAlias, plan, teamCount, count, presence, sortKey);
    }

    /** A missing value as the list and the detail both show it. */
    public static String orDash(String value) {
        return value == null || value.isBlank() ? "-" : value;
    }

    /** What the list shows as the name: NemoRouter's, else LiteLLM's alias. */
    public String displayName() {
        return name != null ? name : liteLlmAlias;
    }
}
