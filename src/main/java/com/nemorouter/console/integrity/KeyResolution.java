package com.nemorouter.console.integrity;

import java.time.LocalDateTime;

/**
 * The {@code AuthContext} the NemoRouter backend builds for a virtual key. Holds the key's SHA-256 hash
 * (its database id), never the raw key.
 *
 * @param orgId     {@code AuthContext.org_id}: the key's organization_id, else its team's
 * @param orgSource "key", "team", or "none" when neither names an organization
 * @param expires   UTC, or null when the key never expires
 */
public record KeyResolution(String tokenHash, String keyAlias, String orgId, String orgSource, String teamId,
                            String userId, String userRole, boolean blocked, boolean teamBlocked, boolean expired,
                            LocalDateTime expires, boolean orgInNemo, boolean orgInLiteLlm, boolean teamInNemo,
                            boolean teamInLiteLlm) {

    /** True when the backend would accept the key and both sides agree on its org and team. */
    public boolean healthy() {
        return !blocked && !teamBlocked && !expired && orgId != null && orgInNemo && orgInLiteLlm
                && (teamId == null || teamInNemo && teamInLiteLlm);
    }
}
