package com.nemorouter.console.connection;

/**
 * Whether this session can change memberships, and why not.
 *
 * @param reason e.g. {@code role lacks INSERT on LiteLLM_OrganizationMembership}
 */
public record WriteAccess(boolean readOnly, String reason) {

    /** The {@code check} command's line: {@code read-only: yes (reason)} or {@code read-only: no (reason)}. */
    public String line() {
        return "read-only: " + (readOnly ? "yes" : "no") + " (" + reason + ")";
    }
}
