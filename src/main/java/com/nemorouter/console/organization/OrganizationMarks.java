package com.nemorouter.console.organization;

import com.nemorouter.console.presence.Mark;
import com.nemorouter.console.presence.Marked;

/** How the organization screen shows its core rows: the value, or the row a side lacks, marked. */
final class OrganizationMarks {

    private OrganizationMarks() {
    }

    /** The name in {@code nemo.organizations}, or the row it lacks. */
    public static Marked nemoName(OrganizationDetail detail) {
        return detail.nemoName() == null ? new Marked("✘ MISSING in nemo.organizations", Mark.MISSING)
                : new Marked(detail.nemoName(), Mark.OK);
    }

    /** The alias in {@code LiteLLM_OrganizationTable}, or the row it lacks. */
    public static Marked liteLlmAlias(OrganizationDetail detail) {
        return detail.liteLlmAlias() == null ? new Marked("✘ MISSING in LiteLLM_OrganizationTable", Mark.MISSING)
                : new Marked(detail.liteLlmAlias(), Mark.OK);
    }

    /** What the NemoRouter backend makes of this org's keys: the presence flow's backend card. */
    public static Marked backend(OrganizationDetail detail) {
        return detail.authContextOrgId() != null
                ? new Marked("AuthContext.org_id = " + detail.authContextOrgId() + " (read from row[\"organization_id\"])",
                        Mark.OK)
                : new Marked("No LiteLLM organization: no key can resolve to AuthContext.org_id " + detail.id(),
                        Mark.MISSING);
    }
}
