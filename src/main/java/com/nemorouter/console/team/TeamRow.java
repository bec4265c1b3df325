package com.nemorouter.console.team;

import java.util.Objects;

import com.nemorouter.console.presence.Mark;
import com.nemorouter.console.presence.Presence;

/**
 * A team merged from both schemas by its UUID.
 *
 * @param nemoOrganizationId    the org that {@code nemo.teams} names, or null
 * @param liteLlmOrganizationId the org that {@code LiteLLM_TeamTable} names, or null
 * @param memberCount           entries in LiteLLM's {@code members_with_roles}
 */
public record TeamRow(String id, String nemoName, String liteLlmAlias, String nemoOrganizationId,
                      String liteLlmOrganizationId, Presence presence, long memberCount) {

    public String displayName() {
        return nemoName != null ? nemoName : liteLlmAlias != null ? liteLlmAlias : id;
    }

    /** Present on both sides, but the two sides disagree on the team's organization. */
    public boolean organizationMismatch() {
        return presence == Presence.BOTH && !Objects.equals(nemoOrganizationId, liteLlmOrganizationId);
    }

    public String presenceText() {
        return organizationMismatch() ? "✘ org differs" : presence.badge();
    }

    /** The typed status beside {@link #presenceText()}. */
    public Mark presenceMark() {
        return organizationMismatch() ? Mark.DRIFT : presence.mark();
    }
}
