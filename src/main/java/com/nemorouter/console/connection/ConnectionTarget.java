package com.nemorouter.console.connection;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Where to connect: a JDBC URL and pgjdbc properties, with the credentials kept apart so that the URL,
 * the properties and {@link #displayName()} can be shown and logged while the password never is.
 * Built by {@link ConnectionStrings}.
 */
public final class ConnectionTarget {

    /** Where the password came from: the status line and error messages say so (never the password). */
    public enum PasswordSource { NONE, CONNECTION_STRING, PGPASSWORD, PGPASS_FILE, PROMPT, KEYCHAIN }

    private final String jdbcUrl;
    private final Map<String, String> properties;
    private final String user;
    private final char[] password;
    private final PasswordSource passwordSource;
    private final SslMode sslMode;
    private final boolean pooler;
    private final SchemaNames schemas;
    private final String displayName;
    private final boolean demo;

    ConnectionTarget(String jdbcUrl, Map<String, String> properties, String user, char[] password,
                     PasswordSource passwordSource, SslMode sslMode, boolean pooler, SchemaNames schemas,
                     String displayName, boolean demo) {
        this.jdbcUrl = Objects.requireNonNull(jdbcUrl);
        this.properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
        this.user = user;
        this.password = password == null ? null : password.clone();
        this.passwordSource = password == null ? PasswordSource.NONE : passwordSource;
        this.sslMode = sslMode;
        this.pooler = pooler;
        this.schemas = schemas;
        this.displayName = displayName;
        this.demo = demo;
    }

    public static ConnectionTarget demo(String jdbcUrl, String user) {
        return new ConnectionTarget(jdbcUrl, Map.of(), user, null, PasswordSource.NONE, SslMode.DISABLE, false,
                SchemaNames.DEFAULT, "demo database (embedded PostgreSQL)", true);
    }

    /**
     * Parses a connection string on its own, without the environment or password files; see
     * {@link ConnectionStrings} for the full libpq behaviour.
     *
     * @throws IllegalArgumentException naming what is wrong, without echoing the password
     */
    public static ConnectionTarget parse(String connectionString) {
        return ConnectionStrings.isolated().resolve(connectionString);
    }

    /** The same target with another password (from a prompt or the keychain). */
    public ConnectionTarget withPassword(char[] newPassword, PasswordSource source) {
        return new ConnectionTarget(jdbcUrl, properties, user, newPassword, source, sslMode, pooler, schemas,
                displayName, demo);
    }

    /** The same target reading the three table families from other schemas. */
    public ConnectionTarget withSchemas(SchemaNames newSchemas) {
        Map<String, String> newProperties = new LinkedHashMap<>(properties);
        if (newSchemas.litellm().equals(SchemaNames.DEFAULT.litellm())) {
            newProperties.remove("currentSchema");
        } else {
            // Hibernate's SQL for LiteLLM's entities is unqualified: the search path must find them.
            newProperties.put("currentSchema", newSchemas.litellm());
        }
        return new ConnectionTarget(jdbcUrl, newProperties, user, password, passwordSource, sslMode, pooler,
                newSchemas, displayName, demo);
    }

    /** Without secrets: safe to log. */
    public String jdbcUrl() {
        return jdbcUrl;
    }

    /** pgjdbc connection properties (sslmode, prepareThreshold, ...). Never holds the password. */
    public Map<String, String> properties() {
        return properties;
    }

    /** Host and port as the JDBC URL names them ({@code db.example.com:5432}, several comma-separated): safe to show. */
    public String server() {
        int start = jdbcUrl.indexOf("//");
        if (start < 0) {
            return displayName;
        }
        int end = jdbcUrl.indexOf('/', start + 2);
        return jdbcUrl.substring(start + 2, end < 0 ? jdbcUrl.length() : end);
    }

    public String user() {
        return user;
    }

    /** A copy; the caller should clear it after use. */
    public char[] password() {
        return password == null ? null : password.clone();
    }

    public PasswordSource passwordSource() {
        return passwordSource;
    }

    public SslMode sslMode() {
        return sslMode;
    }

    /** A transaction-mode pooler (PgBouncer, Supabase's Supavisor on 6543): no server-side prepared statements. */
    public boolean pooler() {
        return pooler;
    }

    public SchemaNames schemas() {
        return schemas;
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
