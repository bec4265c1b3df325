package com.nemorouter.console.connection;

import java.util.regex.Pattern;

/**
 * Masks secrets in text that may end up in a message: passwords inside connection strings
 * ({@code postgresql://user:secret@host}, {@code password=secret}) and raw {@code sk-} keys.
 */
public final class Secrets {

    public static final String MASK = "****";

    private static final Pattern URL_PASSWORD = Pattern.compile("(://[^:/@\\s]*:)[^@\\s]*@");
    private static final Pattern KEYWORD_PASSWORD =
            Pattern.compile("(?i)(password\\s*=\\s*)('(?:[^'\\\\]|\\\\.)*'|[^&\\s]*)");
    private static final Pattern API_KEY = Pattern.compile("\\bsk-[A-Za-z0-9_\\-]{4,}");

    private Secrets() {
    }

    /**
     * The connection string without its password (URL user info, {@code password=} keyword or query
     * parameter), for storing in a profile.
     */
    public static String stripPassword(String connectionString) {
        String stripped = connectionString.replaceFirst("(://[^:/@\\s]*):[^@\\s]*@", "$1@");
        stripped = stripped.replaceAll("([?&])password=[^&]*&?", "$1");
        stripped = stripped.replaceAll("[?&]$", "");
        return stripped.replaceAll("(?i)(^|\\s)password\\s*=\\s*('(?:[^'\\\\]|\\\\.)*'|\\S*)", "").strip();
    }

    public static String mask(String text) {
        if (text == null) {
            return null;
        }
        String masked = URL_PASSWORD.matcher(text).replaceAll("$1" + MASK + "@");
        masked = KEYWORD_PASSWORD.matcher(masked).replaceAll("$1" + MASK);
        return API_KEY.matcher(masked).replaceAll("sk-" + MASK);
    }
}
