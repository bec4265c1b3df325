package com.nemorouter.console.diagnosis;

import java.util.Locale;

/** The result of one check. {@link #UNKNOWN}: the database cannot tell (Redis counters, config, reservations). */
public enum Outcome {
    PASS, FAIL, NOT_APPLICABLE, UNKNOWN;

    /** {@code pass}, {@code fail}, {@code not_applicable} or {@code unknown}: the command-line contract. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
