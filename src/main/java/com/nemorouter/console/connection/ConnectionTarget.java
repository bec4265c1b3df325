package com.nemorouter.console.connection;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Where to connect: a JDBC URL plus credentials kept apart from it, so that the URL can be shown and
 * logged while the password never is.
 */
public final class ConnectionTarget {

    private final String jdbcUrl;
    private final String user;
    private final char[] password;
    private final String displayName;
    private final boolean demo;

    private ConnectionTarget(String jdbcUrl, String user, char[] password, String displayName, boolean demo) {
        this.jdbcUrl = Objects.requireNonNull(jdbcUrl);
        this.user = user;
        this.password = password == null ? null : password.clone();
        this.displayName = displayName;
        this.demo = demo;
    }

    public static ConnectionTarget demo(String jdbcUrl, String user) {
        return new ConnectionTarget(jdbcUrl, user, null, "demo database (embedded PostgreSQL)", true);
    }

    /**
     * Accepts {@code postgresql://user:pass@host:port/db?params}, {@code postgres://...} and
     * {@code jdbc:postgresql://...}. Credentials in the string are moved out of the URL.
     *
     * @throws IllegalArgumentException naming what is wrong, without echoing the password
     */
    public static ConnectionTarget parse(String connectionString) {
        if (connectionString == null || connectionString.isBlank()) {
            throw new IllegalArgumentException("The connection string is empty.");
        }
        String text = connectionString.strip();
        String withoutJdbc = text.startsWith("jdbc:") ? text.substring(5) : text;
        if (!withoutJdbc.startsWith("postgresql://") && !withoutJdbc.startsWith("postgres://")) {
            throw new IllegalArgumentException(
                    "A connection string starts with postgresql://, postgres:// or jdbc:postgresql:// "
                            + "(for example postgresql://user@host:5432/postgres).");
        }
        URI uri;
        try {
            uri = new URI(withoutJdbc);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("The connection string is not a valid URL (" + e.getReason() + ").");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw new IllegalArgumentException("The connection string names no host.");
        }
        String user = null;
        char[] password = null;
        String userInfo = uri.getRawUserInfo();
        if (userInfo != null) {
            int colon = userInfo.indexOf(':');
            user = decode(colon < 0 ? userInfo : userInfo.substring(0, colon));
            if (colon >= 0) {
                password = decode(userInfo.substring(colon + 1)).toCharArray();
            }
        }
        int port = uri.getPort() < 0 ? 5432 : uri.getPort();
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/postgres" : uri.getRawPath();
        String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
        String host = uri.getHost();
        String jdbcUrl = "jdbc:postgresql://" + host + ":" + port + path + query;
        String display = (user == null ? "" : user + "@") + host + ":" + port + path;
        return new ConnectionTarget(jdbcUrl, user, password, display, false);
    }

    private static String decode(String value) {
        return URLDecoder.decode(value.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    public String jdbcUrl() {
        return jdbcUrl;
    }

    public String user() {
        return user;
    }

    /** A copy; the caller should clear it after use. */
    public char[] password() {
        return password == null ? null : password.clone();
    }

    /** Safe to show and log: never contains the password. */
    public String displayName() {
        return displayName;
    }

    public boolean isDemo() {
        return demo;
    }

    @Override
    public String toString() {
        return displayName;
    }
}
