package com.nemorouter.console.connection;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The syntax of a libpq connection string: the URL form ({@code postgresql://}, {@code postgres://},
 * {@code jdbc:postgresql://}, with several hosts, bracketed IPv6 and percent-encoding) and the keyword=value
 * form (quoted values, backslash escapes), read into keywords. Only syntax: what the keywords mean and what
 * libpq adds from the environment and its files is {@link ConnectionStrings}'s job.
 *
 * <p>Error messages name the part that is wrong but never echo a password.
 */
final class ConnectionStringSyntax {

    private ConnectionStringSyntax() {
    }

    /**
     * The keywords a connection string spells out, in libpq's names ({@code host}, {@code port}, {@code dbname},
     * {@code user}, {@code password}, parameters as given); nothing is defaulted here.
     *
     * @param text the stripped, non-empty string
     * @throws IllegalArgumentException naming what is wrong, never echoing a password
     */
    static Map<String, String> keywords(String text) {
        if (text.startsWith("jdbc:") || text.startsWith("postgresql:") || text.startsWith("postgres:")) {
            return parseUrl(text);
        }
        if (text.matches("(?s)[A-Za-z_]+\\s*=.*")) {
            return parseKeywordValue(text);
        }
        throw new IllegalArgumentException("A connection string starts with postgresql://, postgres:// or "
                + "jdbc:postgresql://, or is keyword=value pairs such as service=<name> "
                + "(for example postgresql://user@host:5432/postgres).");
    }

    /** A port number as libpq accepts it: 1 to 65535. */
    static int port(String text) {
        try {
            int port = Integer.parseInt(text);
            if (port >= 1 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException ignored) {
            // reported below, with the same message as an out-of-range number
        }
        throw new IllegalArgumentException("Port '" + text + "' is not a number between 1 and 65535.");
    }

    // --- URL form ---------------------------------------------------------------------------------------

    private static Map<String, String> parseUrl(String text) {
        String rest = text.startsWith("jdbc:") ? text.substring("jdbc:".length()) : text;
        String scheme = rest.startsWith("postgresql:") ? "postgresql:" : rest.startsWith("postgres:") ? "postgres:" : null;
        if (scheme == null) {
            throw new IllegalArgumentException("Only PostgreSQL is supported: the string must start with "
                    + "postgresql://, postgres:// or jdbc:postgresql://.");
        }
        rest = rest.substring(scheme.length());
        if (!rest.startsWith("//")) {
            throw new IllegalArgumentException("After " + scheme + " comes //host (for example "
                    + "postgresql://user@host:5432/postgres).");
        }
        rest = rest.substring(2);
        int hash = rest.indexOf('#');
        if (hash >= 0) {
            rest = rest.substring(0, hash);
        }
        // An unencoded @ or / in a password is common in pasted strings: the host starts after the last @.
        int query = rest.indexOf('?', rest.lastIndexOf('@') + 1);
        String beforeQuery = query < 0 ? rest : rest.substring(0, query);
        int at = beforeQuery.lastIndexOf('@');
        int slash = beforeQuery.indexOf('/', at + 1);
        String authority = slash < 0 ? beforeQuery : beforeQuery.substring(0, slash);
        String path = slash < 0 ? "" : beforeQuery.substring(slash + 1);

        Map<String, String> keywords = new LinkedHashMap<>();
        String hostPart = authority;
        if (at >= 0) {
            String userInfo = authority.substring(0, at);
            hostPart = authority.substring(at + 1);
            int colon = userInfo.indexOf(':');
            String user = decode(colon < 0 ? userInfo : userInfo.substring(0, colon), "the user name");
            if (!user.isEmpty()) {
                keywords.put("user", user);
            }
            if (colon >= 0) {
                keywords.put("password", decode(userInfo.substring(colon + 1), "the password"));
            }
        }
        parseHosts(hostPart, keywords);
        if (!path.isEmpty()) {
            if (path.contains("/")) {
                throw new IllegalArgumentException("The database name '" + path + "' contains a '/'; "
                        + "the path of the URL is just the database name.");
            }
            keywords.put("dbname", decode(path, "the database name"));
        }
        if (query >= 0) {
            for (String pair : rest.substring(query + 1).split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int equals = pair.indexOf('=');
                String key = decode(equals < 0 ? pair : pair.substring(0, equals), "a parameter name");
                if (key.isBlank()) {
                    throw new IllegalArgumentException("A query parameter has no name.");
                }
                String value = equals < 0 ? "" : decode(pair.substring(equals + 1), "parameter " + key);
                keywords.put(key, value);
            }
        }
        return keywords;
    }

    private static void parseHosts(String hostPart, Map<String, String> keywords) {
        if (hostPart.isEmpty()) {
            return;
        }
        List<String> hosts = new ArrayList<>();
        List<String> ports = new ArrayList<>();
        for (String spec : hostPart.split(",", -1)) {
            String host;
            String port = "";
            if (spec.startsWith("[")) {
                int close = spec.indexOf(']');
                if (close < 0) {
                    throw new IllegalArgumentException("The IPv6 address '" + spec + "' lacks its closing ']'.");
                }
                host = spec.substring(1, close);
                String after = spec.substring(close + 1);
                if (!after.isEmpty()) {
                    if (!after.startsWith(":")) {
                        throw new IllegalArgumentException("Unexpected '" + after + "' after the IPv6 address.");
                    }
                    port = after.substring(1);
                }
            } else {
                int colon = spec.indexOf(':');
                if (colon >= 0 && spec.indexOf(':', colon + 1) >= 0) {
                    throw new IllegalArgumentException("An IPv6 address in a URL goes in brackets, for example "
                            + "postgresql://user@[2001:db8::1]:5432/postgres.");
                }
                host = colon < 0 ? spec : spec.substring(0, colon);
                port = colon < 0 ? "" : spec.substring(colon + 1);
            }
            host = decode(host, "the host");
            if (!port.isEmpty()) {
                port(port);
            }
            hosts.add(host);
            ports.add(port);
        }
        keywords.put("host", String.join(",", hosts));
        if (ports.stream().anyMatch(port -> !port.isEmpty())) {
            keywords.put("port", String.join(",", ports));
        }
    }

    /** Percent-decoding as libpq does it: {@code +} stays a plus. Never echoes the text (it may be a password). */
    private static String decode(String text, String what) {
        if (text.indexOf('%') < 0) {
            return text;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '%') {
                if (i + 2 >= text.length() || Character.digit(text.charAt(i + 1), 16) < 0
                        || Character.digit(text.charAt(i + 2), 16) < 0) {
                    throw new IllegalArgumentException("The percent-encoding in " + what + " is broken: a % must be "
                            + "followed by two hex digits (write a literal % as %25).");
                }
                bytes.write(Integer.parseInt(text.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                byte[] encoded = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                bytes.write(encoded, 0, encoded.length);
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    // --- keyword/value form -----------------------------------------------------------------------------

    private static Map<String, String> parseKeywordValue(String text) {
        Map<String, String> keywords = new LinkedHashMap<>();
        int i = 0;
        int length = text.length();
        while (i < length) {
            while (i < length && Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            if (i >= length) {
                break;
            }
            int keyStart = i;
            while (i < length && text.charAt(i) != '=' && !Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            String key = text.substring(keyStart, i);
            while (i < length && Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            if (i >= length || text.charAt(i) != '=') {
                throw new IllegalArgumentException("Expected keyword=value, but '" + key + "' has no '='.");
            }
            i++;
            while (i < length && Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            StringBuilder value = new StringBuilder();
            if (i < length && text.charAt(i) == '\'') {
                i++;
                boolean closed = false;
                while (i < length) {
                    char c = text.charAt(i++);
                    if (c == '\\' && i < length) {
                        value.append(text.charAt(i++));
                    } else if (c == '\'') {
                        closed = true;
                        break;
                    } else {
                        value.append(c);
                    }
                }
                if (!closed) {
                    throw new IllegalArgumentException("The quoted value of '" + key + "' has no closing quote.");
                }
            } else {
                while (i < length && !Character.isWhitespace(text.charAt(i))) {
                    char c = text.charAt(i++);
                    if (c == '\\' && i < length) {
                        value.append(text.charAt(i++));
                    } else {
                        value.append(c);
                    }
                }
            }
            keywords.put(key, value.toString());
        }
        return keywords;
    }
}
