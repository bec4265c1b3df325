package com.nemorouter.console.connection;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.postgresql.PGProperty;

/**
 * Turns what users paste into a {@link ConnectionTarget}, the way libpq reads it: URLs
 * ({@code postgresql://}, {@code postgres://}, {@code jdbc:postgresql://}), keyword/value strings
 * ({@code host=... dbname=...}, {@code service=name}), libpq's environment variables as defaults, the
 * service file and the password file. Also reads what Prisma (LiteLLM's {@code DATABASE_URL}) adds.
 *
 * <p>The two spellings themselves are read by {@link ConnectionStringSyntax}; this class applies what libpq
 * adds around them (service file, environment, password file) and builds the target.
 *
 * <p>Error messages name the part that is wrong but never echo a password.
 */
public final class ConnectionStrings {

    static final int DEFAULT_PORT = 5432;
    static final int POOLER_PORT = 6543;

    /** libpq environment variables that supply defaults for keywords the string leaves out. */
    private static final Map<String, String> ENVIRONMENT_DEFAULTS = Map.of(
            "PGHOST", "host", "PGPORT", "port", "PGDATABASE", "dbname", "PGUSER", "user",
            "PGPASSWORD", "password", "PGSSLMODE", "sslmode", "PGSSLROOTCERT", "sslrootcert",
            "PGCONNECT_TIMEOUT", "connect_timeout", "PGAPPNAME", "application_name");

    /** libpq keywords and their pgjdbc property names. */
    private static final Map<String, String> LIBPQ_TO_PGJDBC = Map.of(
            "sslrootcert", "sslrootcert", "sslcert", "sslcert", "sslkey", "sslkey",
            "connect_timeout", "connectTimeout", "application_name", "ApplicationName", "options", "options",
            "target_session_attrs", "targetServerType", "keepalives", "tcpKeepAlive", "gssencmode", "gssEncMode");

    private static final Map<String, String> TARGET_SESSION_ATTRS = Map.of(
            "any", "any", "read-write", "primary", "primary", "primary", "read-only", "secondary",
            "standby", "secondary", "prefer-standby", "preferSecondary");

    /** Prisma's own parameters in LiteLLM's DATABASE_URL; they mean nothing to pgjdbc. */
    private static final Set<String> PRISMA_ONLY = Set.of(
            "pgbouncer", "schema", "connection_limit", "pool_timeout", "socket_timeout", "statement_cache_size",
            "sslaccept", "sslidentity");

    /** Keywords consumed while building the target, not passed on as properties. */
    private static final Set<String> HANDLED = Set.of(
            "host", "hostaddr", "port", "dbname", "user", "password", "sslmode", "ssl", "service", "passfile");

    private final Map<String, String> environment;
    private final Path userHome;
    private final String osUser;

    /**
     * @param environment libpq's variables ({@code PGPASSWORD}, {@code PGPASSFILE}, {@code PGSERVICEFILE}, ...)
     * @param userHome    where {@code ~/.pgpass} and {@code ~/.pg_service.conf} live; null for none
     * @param osUser      the user name libpq assumes when none is given; null for none
     */
    public ConnectionStrings(Map<String, String> environment, Path userHome, String osUser) {
        this.environment = Map.copyOf(environment);
        this.userHome = userHome;
        this.osUser = osUser;
    }

    public static ConnectionStrings fromSystem(Map<String, String> environment) {
        return new ConnectionStrings(environment, Path.of(System.getProperty("user.home")),
                System.getProperty("user.name"));
    }

    /** Only what the string says: no environment, no files. */
    public static ConnectionStrings isolated() {
        return new ConnectionStrings(Map.of(), null, null);
    }

    /** @throws IllegalArgumentException naming what is wrong, never echoing a password */
    public ConnectionTarget resolve(String connectionString) {
        if (connectionString == null || connectionString.isBlank()) {
            throw new IllegalArgumentException("The connection string is empty.");
        }
        String text = connectionString.strip();
        Map<String, String> keywords = ConnectionStringSyntax.keywords(text);
        ConnectionTarget.PasswordSource source = keywords.containsKey("password")
                ? ConnectionTarget.PasswordSource.CONNECTION_STRING : ConnectionTarget.PasswordSource.NONE;
        String service = keywords.containsKey("service") ? keywords.get("service") : environment.get("PGSERVICE");
        if (service != null) {
            serviceFile().service(service).forEach(keywords::putIfAbsent);
            if (source == ConnectionTarget.PasswordSource.NONE && keywords.containsKey("password")) {
                source = ConnectionTarget.PasswordSource.CONNECTION_STRING;
            }
        }
        for (Map.Entry<String, String> variable : ENVIRONMENT_DEFAULTS.entrySet()) {
            String value = environment.get(variable.getKey());
            if (value != null && !value.isEmpty() && !keywords.containsKey(variable.getValue())) {
                keywords.put(variable.getValue(), value);
                if (variable.getValue().equals("password")) {
                    source = ConnectionTarget.PasswordSource.PGPASSWORD;
                }
            }
        }
        return build(keywords, source);
    }

    private ConnectionTarget build(Map<String, String> keywords, ConnectionTarget.PasswordSource source) {
        List<String> hosts = hosts(keywords);
        List<Integer> ports = ports(keywords.get("port"), hosts.size());
        String database = blankToNull(keywords.get("dbname"));
        // Not libpq's "same as the user": Supabase pooler users look like postgres.<project>, its database is postgres.
        if (database == null) {
            database = "postgres";
        }
        String user = blankToNull(keywords.get("user"));
        char[] password = keywords.containsKey("password") ? keywords.get("password").toCharArray() : null;
        if (password == null) {
            String lookupUser = user != null ? user : osUser;
            Optional<char[]> fromFile = lookupUser == null ? Optional.empty()
                    : passFile(keywords.get("passfile")).lookup(hosts.get(0), ports.get(0), database, lookupUser);
            if (fromFile.isPresent()) {
                password = fromFile.get();
                source = ConnectionTarget.PasswordSource.PGPASS_FILE;
                user = lookupUser;
            }
        }

        boolean supabase = hosts.stream().anyMatch(ConnectionStrings::isSupabaseHost);
        SslMode sslMode = sslMode(keywords, supabase);
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("sslmode", sslMode.spelling());
        for (Map.Entry<String, String> keyword : keywords.entrySet()) {
            String key = keyword.getKey();
            String value = keyword.getValue();
            if (HANDLED.contains(key) || PRISMA_ONLY.contains(key)) {
                continue;
            }
            if (key.equals("sslpassword")) {
                throw new IllegalArgumentException("sslpassword is not supported: use an unencrypted client key "
                        + "(sslkey) or leave client certificates out.");
            }
            if (LIBPQ_TO_PGJDBC.containsKey(key)) {
                properties.put(LIBPQ_TO_PGJDBC.get(key), pgjdbcValue(key, value));
            } else if (PGProperty.forName(key) != null) {
                properties.put(key, value);
            } else {
                throw new IllegalArgumentException("Unknown connection parameter '" + key + "'. Use libpq names "
                        + "(sslmode, sslrootcert, connect_timeout, application_name, ...) or pgjdbc's.");
            }
        }
        String rootCert = properties.get("sslrootcert");
        if (rootCert != null) {
            rootCert = expandHome(rootCert);
            properties.put("sslrootcert", rootCert);
            if (sslMode.verifiesCertificate() && !Files.isRegularFile(Path.of(rootCert))) {
                throw new IllegalArgumentException("sslrootcert " + rootCert + " is not a readable file.");
            }
        }
        boolean pooler = ports.contains(POOLER_PORT) || "true".equalsIgnoreCase(keywords.get("pgbouncer"));
        if (pooler) {
            // Transaction-mode poolers hand each transaction to any server connection: a statement prepared
            // on one is unknown on the next ("prepared statement S_1 does not exist").
            properties.putIfAbsent("prepareThreshold", "0");
        }
        SchemaNames schemas = keywords.containsKey("schema")
                ? new SchemaNames(SchemaNames.DEFAULT.nemo(), keywords.get("schema"), SchemaNames.DEFAULT.auth())
                : SchemaNames.DEFAULT;

        StringBuilder hostList = new StringBuilder();
        for (int i = 0; i < hosts.size(); i++) {
            hostList.append(i == 0 ? "" : ",").append(bracketed(hosts.get(i))).append(':').append(ports.get(i));
        }
        String jdbcUrl = "jdbc:postgresql://" + hostList + "/" + URLEncoder.encode(database, StandardCharsets.UTF_8);
        String display = (user == null ? "" : user + "@") + hostList + "/" + database;
        ConnectionTarget target = new ConnectionTarget(jdbcUrl, properties, user, password, source, sslMode, pooler,
                SchemaNames.DEFAULT, display, false);
        return schemas.isDefault() ? target : target.withSchemas(schemas);
    }

    private static List<String> hosts(Map<String, String> keywords) {
        String value = blankToNull(keywords.get("host"));
        if (value == null) {
            value = blankToNull(keywords.get("hostaddr"));
        }
        if (value == null) {
            return List.of("localhost");
        }
        List<String> hosts = new ArrayList<>();
        for (String host : value.split(",", -1)) {
            String trimmed = host.strip();
            if (trimmed.startsWith("/")) {
                throw new IllegalArgumentException("Unix-domain sockets (host=" + trimmed + ") are not supported; "
                        + "use host=localhost.");
            }
            hosts.add(trimmed.isEmpty() ? "localhost" : trimmed);
        }
        return hosts;
    }

    private static List<Integer> ports(String value, int hostCount) {
        List<Integer> ports = new ArrayList<>();
        String[] parts = value == null || value.isBlank() ? new String[] {""} : value.split(",", -1);
        if (parts.length != 1 && parts.length != hostCount) {
            throw new IllegalArgumentException("The string names " + hostCount + " hosts but " + parts.length
                    + " ports.");
        }
        for (int i = 0; i < hostCount; i++) {
            String part = parts[parts.length == 1 ? 0 : i].strip();
            ports.add(part.isEmpty() ? DEFAULT_PORT : ConnectionStringSyntax.port(part));
        }
        return ports;
    }

    private static SslMode sslMode(Map<String, String> keywords, boolean supabase) {
        String explicit = keywords.get("sslmode");
        if (explicit != null) {
            SslMode mode = SslMode.parse(explicit);
            // libpq: "if a root CA file exists, sslmode=require behaves like verify-ca". pgjdbc would not verify.
            return mode == SslMode.REQUIRE && keywords.containsKey("sslrootcert") ? SslMode.VERIFY_CA : mode;
        }
        String ssl = keywords.get("ssl");
        if (ssl != null) {
            // pgjdbc's own spelling: ssl=true without sslmode means verify-full.
            return Boolean.parseBoolean(ssl) || ssl.isEmpty() ? SslMode.VERIFY_FULL : SslMode.DISABLE;
        }
        return supabase ? SslMode.REQUIRE : SslMode.PREFER;
    }

    static boolean isSupabaseHost(String host) {
        String lower = host.toLowerCase(Locale.ROOT);
        return lower.endsWith(".supabase.co") || lower.endsWith(".supabase.com");
    }

    private static String pgjdbcValue(String keyword, String value) {
        return switch (keyword) {
            case "target_session_attrs" -> {
                String mapped = TARGET_SESSION_ATTRS.get(value.toLowerCase(Locale.ROOT));
                if (mapped == null) {
                    throw new IllegalArgumentException("target_session_attrs '" + value + "' is not one of "
                            + TARGET_SESSION_ATTRS.keySet().stream().sorted().collect(Collectors.joining(", ")) + ".");
                }
                yield mapped;
            }
            case "keepalives" -> Boolean.toString(!value.equals("0"));
            case "connect_timeout" -> {
                try {
                    yield Integer.toString(Math.max(0, Integer.parseInt(value.strip())));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("connect_timeout '" + value + "' is not a number of seconds.");
                }
            }
            default -> value;
        };
    }

    private PgServiceFile serviceFile() {
        String configured = environment.get("PGSERVICEFILE");
        if (configured != null && !configured.isBlank()) {
            return new PgServiceFile(Path.of(expandHome(configured)));
        }
        return new PgServiceFile(userHome == null ? null : userHome.resolve(".pg_service.conf"));
    }

    private PgPassFile passFile(String fromKeyword) {
        String configured = fromKeyword != null ? fromKeyword : environment.get("PGPASSFILE");
        if (configured != null && !configured.isBlank()) {
            return new PgPassFile(Path.of(expandHome(configured)));
        }
        return new PgPassFile(userHome == null ? null : userHome.resolve(".pgpass"));
    }

    private String expandHome(String path) {
        return userHome != null && path.startsWith("~/") ? userHome.resolve(path.substring(2)).toString() : path;
    }

    private static String bracketed(String host) {
        return host.contains(":") ? "[" + host + "]" : host;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
