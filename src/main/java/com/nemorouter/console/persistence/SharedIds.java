package com.nemorouter.console.persistence;

/**
 * The one-UUID rule as the entity model joins it. nemo and auth keep ids as {@code uuid}; LiteLLM keeps the same
 * value as text. A join across the two compares text with text, so it matches exactly what LiteLLM's own text joins
 * match: a LiteLLM id in another spelling (upper case, no hyphens) finds no twin, which is the drift the console
 * shows, instead of being silently folded onto the uuid.
 */
public final class SharedIds {

    /*
     * uuid to text is always safe: PostgreSQL prints a uuid in lowercase canonical form, the spelling NemoRouter
     * writes into LiteLLM. The entities write it inline: cast(organization_id as text).
     */

    /**
     * A LiteLLM text id as a uuid when, and only when, it is the canonical lowercase spelling; else null, so the
     * join finds nothing instead of failing on the cast ({@code default_user_id} and friends) or matching an
     * uppercase id.
     */
    public static final String CANONICAL_UUID_REGEX =
            "^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$";

    private SharedIds() {
    }
}
