package com.nemorouter.console.connection;

import java.util.Locale;
import java.util.regex.Pattern;

/** SQL identifiers as a DBA would type them: quoted only when they need it. */
final class SchemaNamesQuoting {

    private static final Pattern PLAIN = Pattern.compile("[a-z_][a-z0-9_$]*");

    private SchemaNamesQuoting() {
    }

    static String quoteIfNeeded(String identifier) {
        return PLAIN.matcher(identifier).matches() && identifier.equals(identifier.toLowerCase(Locale.ROOT))
                ? identifier : "\"" + identifier.replace("\"", "\"\"") + "\"";
    }
}
