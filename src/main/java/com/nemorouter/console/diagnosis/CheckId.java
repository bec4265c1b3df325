package com.nemorouter.console.diagnosis;

import java.util.Locale;

/**
 * LiteLLM's authentication checks for a virtual key, in the order its proxy runs them
 * ({@code shared/docs/litellm-key-checks.md}). The ids are part of the command-line contract: scripts
 * match on them, so they never change.
 *
 * <p>The team-member budget runs twice in LiteLLM (once with the member's own budget row and {@code >},
 * once late with the team's default member budget and {@code >=}); it keeps one id and is listed at its
 * first position, and {@link KeyChecks} ranks a failure of the late variant after {@link #USER_BUDGET}.
 */
public enum CheckId {
    KEY_NOT_FOUND("the key exists (or is a rotated key in its grace period)"),
    KEY_BLOCKED("the key is not blocked"),
    KEY_MODEL_ACCESS("the key may call the model"),
    USER_DEACTIVATED("the key's user is active (SCIM)"),
    TEAM_MEMBER_BUDGET("the key's user is within their team-member budget"),
    KEY_EXPIRED("the key has not expired"),
    KEY_BUDGET("the key is within its budget"),
    KEY_ROUTE("the key may call the route"),
    TEAM_BLOCKED("the key's team exists and is not blocked"),
    TEAM_MODEL_ACCESS("the team may call the model"),
    USER_MODEL_ACCESS("the user may call the model (keys without a team)"),
    TEAM_BUDGET("the team is within its budget"),
    ORG_BUDGET("the organization is within its budget"),
    USER_BUDGET("the user is within their budget (keys without a team)"),
    END_USER_BUDGET("the end user is within their budget");

    private final String title;

    CheckId(String title) {
        this.title = title;
    }

    /** The stable id, e.g. {@code key_blocked}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String title() {
        return title;
    }
}
