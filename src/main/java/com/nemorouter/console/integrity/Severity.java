package com.nemorouter.console.integrity;

import java.util.Locale;

/** How bad a finding is; {@code audit --fail-on} compares against it. Ordered from worst to mildest. */
public enum Severity {
    ERROR, WARNING, INFO;

    /** The lowercase word used on the command line, in JSON and CSV. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean atLeast(Severity threshold) {
        return ordinal() <= threshold.ordinal();
    }

    /** @throws IllegalArgumentException naming the accepted words */
    public static Severity parse(String text) {
        for (Severity severity : values()) {
            if (severity.id().equals(text)) {
                return severity;
            }
        }
        throw new IllegalArgumentException("unknown severity '" + text + "': use error, warning or info");
    }
}
