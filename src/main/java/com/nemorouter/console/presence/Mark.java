package com.nemorouter.console.presence;

/**
 * How a value on the organization, team and member screens stands against the one-UUID rule. Records and
 * view models produce it beside the text the user reads (which keeps its ✔/⚠/✘ mark, so colour is never
 * the only signal); views map it to a CSS pseudo-class with {@link MarkStyle} instead of reading the text.
 */
public enum Mark {
    /** Present and consistent: "✔ both", "this org", "✔ consistent", "✔ auth.users". */
    OK,
    /** On one side only: "⚠ nemo only", "⚠ LiteLLM only". */
    PARTIAL,
    /** Present, but two copies disagree: "✘ org differs", "✘ other: …", roster drift, an id in another spelling. */
    DRIFT,
    /** A row that must exist is absent: "✘ MISSING in nemo.organizations", "✘ none", "✘ missing in auth.users". */
    MISSING,
    /** Not known yet: a count still running ("counting…"). Neither fine nor a problem until it lands. */
    PENDING;

    /** True for a found problem (everything but {@link #OK} and {@link #PENDING}): drawn in the danger colour. */
    public boolean isProblem() {
        return this != OK && this != PENDING;
    }
}
