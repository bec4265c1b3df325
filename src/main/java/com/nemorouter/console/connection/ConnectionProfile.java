package com.nemorouter.console.connection;

import java.util.regex.Pattern;

/**
 * A saved connection: never with a password (that lives in the OS keychain, if anywhere).
 *
 * @param colour           the banner colour as {@code #rrggbb}, e.g. {@code #b42318} for production
 * @param label            the banner text, e.g. {@code PRODUCTION}; empty for no banner
 * @param connectionString as pasted, with any password removed
 * @param user             overrides the user in the string; empty to keep it
 * @param auditAs          who the audit rows name as {@code changed_by} (e.g. the admin's email), so LiteLLM's
 *                         own audit view names the person; empty for the OS user only
 * @param liteLlmVersion   the LiteLLM version the database serves (e.g. {@code 1.84.2} or {@code newest}), which
 *                         the key diagnosis assumes; empty to infer it from the schema
 */
public record ConnectionProfile(String name, String colour, String label, String connectionString, String user,
                                boolean readOnly, SchemaNames schemas, String auditAs, String liteLlmVersion) {

    private static final Pattern COLOUR = Pattern.compile("#[0-9a-fA-F]{6}");
    private static final Pattern VERSION = Pattern.compile("(?i)newest|latest|v?\\d{1,3}\\.\\d{1,4}(\\.\\d{1,4})?([-+._ ]?[A-Za-z0-9.-]*)?");

    public ConnectionProfile {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("A profile needs a name.");
        }
        name = name.strip();
        colour = colour == null || colour.isBlank() ? "#5d6677" : colour.strip();
        if (!COLOUR.matcher(colour).matches()) {
            throw new IllegalArgumentException("The colour '" + colour + "' is not #rrggbb.");
        }
        label = label == null ? "" : label.strip();
        user = user == null ? "" : user.strip();
        if (connectionString == null || connectionString.isBlank()) {
            throw new IllegalArgumentException("Profile " + name + " needs a connection string.");
        }
        connectionString = connectionString.strip();
        if (!Secrets.stripPassword(connectionString).equals(connectionString)) {
            throw new IllegalArgumentException("Profile " + name + ": a saved connection string may not hold a "
                    + "password; remove it (the console asks, or reads PGPASSWORD, ~/.pgpass or the keychain).");
        }
        schemas = schemas == null ? SchemaNames.DEFAULT : schemas;
        auditAs = auditAs(auditAs);
        liteLlmVersion = liteLlmVersion == null ? "" : liteLlmVersion.strip();
        if (!liteLlmVersion.isEmpty() && !VERSION.matcher(liteLlmVersion).matches()) {
            throw new IllegalArgumentException("Profile " + name + ": '" + liteLlmVersion + "' is not a LiteLLM version; "
                    + "write it like 1.84, v1.83.7 or newest (or leave it empty to infer it from the schema).");
        }
    }

    /** Without "Audit as" and without a LiteLLM version. */
    public ConnectionProfile(String name, String colour, String label, String connectionString, String user,
                             boolean readOnly, SchemaNames schemas) {
        this(name, colour, label, connectionString, user, readOnly, schemas, "", "");
    }

    /** Without a LiteLLM version (the key diagnosis infers it from the schema). */
    public ConnectionProfile(String name, String colour, String label, String connectionString, String user,
                             boolean readOnly, SchemaNames schemas, String auditAs) {
        this(name, colour, label, connectionString, user, readOnly, schemas, auditAs, "");
    }

    /** An "Audit as" value, stripped; one line of at most 200 characters (it goes into changed_by). */
    public static String auditAs(String value) {
        String stripped = value == null ? "" : value.strip();
        if (stripped.length() > 200 || stripped.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("'Audit as' is one line of at most 200 characters, e.g. an email.");
        }
        return stripped;
    }

    /** The same profile with the password removed from the connection string. */
    public static ConnectionProfile withoutPassword(String name, String colour, String label, String connectionString,
                                                    String user, boolean readOnly, SchemaNames schemas) {
        return withoutPassword(name, colour, label, connectionString, user, readOnly, schemas, "", "");
    }

    public static ConnectionProfile withoutPassword(String name, String colour, String label, String connectionString,
                                                    String user, boolean readOnly, SchemaNames schemas, String auditAs) {
        return withoutPassword(name, colour, label, connectionString, user, readOnly, schemas, auditAs, "");
    }

    public static ConnectionProfile withoutPassword(String name, String colour, String label, String connectionString,
                                                    String user, boolean readOnly, SchemaNames schemas, String auditAs,
                                                    String liteLlmVersion) {
        String stripped = connectionString == null ? null : Secrets.stripPassword(connectionString);
        return new ConnectionProfile(name, colour, label, stripped, user, readOnly, schemas, auditAs, liteLlmVersion);
    }
}
