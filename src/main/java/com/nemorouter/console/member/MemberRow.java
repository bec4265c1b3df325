package com.nemorouter.console.member;

import com.nemorouter.console.presence.Mark;

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
        EXACT("✔ auth.users", Mark.OK),
        CASE_ONLY("✘ id not lowercase: auth.users has it only in another spelling", Mark.DRIFT),
        MISSING("✘ missing in auth.users", Mark.MISSING);

        private final String text;
        private final Mark mark;

        AuthMatch(String text, Mark mark) {
            this.text = text;
            this.mark = mark;
        }

        public String text() {
            return text;
        }

        /** The typed status beside {@link #text()}. */
        public Mark mark() {
            return mark;
        }
    }
}
