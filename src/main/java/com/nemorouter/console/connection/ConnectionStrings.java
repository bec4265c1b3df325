package com.nemorouter.console.connection;

import java.io.ByteArrayOutputStream;
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
        Map<String, String> keywords;
        if (text.startsWith("jdbc:") || text.startsWith("postgresql:") || text.startsWith("postgres:")) {
            keywords = parseUrl(text);
        } else if (text.matches("(?s)[A-Za-z_]+\\s*=.*")) {
            keywords = parseKeywordValue(text);
        } else {
            throw new IllegalArgumentException("A connection string starts with postgresql://, postgres:// or "
                    + "jdbc:postgresql://, or is keyword=value pairs such as service=<name> "
                    + "(for example postgresql://user@host:5432/postgres).");
        }
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
            ports.add(part.isEmpty() ? DEFAULT_PORT : port(part));
        }
        return ports;
    }

    private static int port(String text) {
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

    private static String bracketed(String host) {
        return host.contains(":") ? "[" + host + "]" : host;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
