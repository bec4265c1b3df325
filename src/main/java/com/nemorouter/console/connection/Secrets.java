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
        String stripped = connectionString;
        int scheme = stripped.indexOf("://");
        if (scheme >= 0) {
            // Same rule as the parser: the host starts after the last @ before the query, so an unencoded
            // @ inside the password is stripped with it.
            String rest = stripped.substring(scheme + 3);
            int query = rest.indexOf('?', rest.lastIndexOf('@') + 1);
            String beforeQuery = query < 0 ? rest : rest.substring(0, query);
            int at = beforeQuery.lastIndexOf('@');
            int colon = at < 0 ? -1 : beforeQuery.substring(0, at).indexOf(':');
            if (colon >= 0) {
                stripped = stripped.substring(0, scheme + 3) + rest.substring(0, colon) + rest.substring(at);
            }
        }
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
