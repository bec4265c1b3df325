package com.nemorouter.console.member;

/**
 * An organization member ({@code LiteLLM_OrganizationMembership}) with what the other tables say.
 *
 * @param authMatch how {@code auth.users} holds this user id
 * @param teams     names of the org's teams whose roster lists the user, comma separated
 */
public record MemberRow(String userId, String email, String role, AuthMatch authMatch, boolean inUserTable,
                        String teams, long keyCount) {

    /** The one-UUID rule for users: the auth id and the LiteLLM id are the same text. */
    public enum AuthMatch {
        EXACT("✔ auth.users"),
        CASE_ONLY("✘ id not lowercase: auth.users has it only in another spelling"),
        MISSING("✘ missing in auth.users");

        private final String text;

        AuthMatch(String text) {
            this.text = text;
        }

        public String text() {
            return text;
        }
    }
}
