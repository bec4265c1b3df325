package com.nemorouter.console.connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ConnectionStringsTest {

    @TempDir
    Path home;

    static Stream<Arguments> validStrings() {
        return Stream.of(
                // input, jdbc URL, user, password (null = none), sslmode, pooler
                Arguments.of("postgresql://admin:secret@db.example.com:5433/nemo",
                        "jdbc:postgresql://db.example.com:5433/nemo", "admin", "secret", "prefer", false),
                Arguments.of("postgres://admin:secret@db.example.com/nemo",
                        "jdbc:postgresql://db.example.com:5432/nemo", "admin", "secret", "prefer", false),
                Arguments.of("postgresql://admin@db.example.com",
                        "jdbc:postgresql://db.example.com:5432/postgres", "admin", null, "prefer", false),
                Arguments.of("postgresql://db.example.com:5432/nemo",
                        "jdbc:postgresql://db.example.com:5432/nemo", null, null, "prefer", false),
                Arguments.of("jdbc:postgresql://db.example.com:5432/nemo?user=admin&password=secret&sslmode=require",
                        "jdbc:postgresql://db.example.com:5432/nemo", "admin", "secret", "require", false),
                Arguments.of("postgresql://admin:p%40ss%3Aw%2Fo%25rd%2B@db.example.com/nemo",
                        "jdbc:postgresql://db.example.com:5432/nemo", "admin", "p@ss:w/o%rd+", "prefer", false),
                Arguments.of("postgresql://admin:p@ss/w+rd@db.example.com/nemo",
                        "jdbc:postgresql://db.example.com:5432/nemo", "admin", "p@ss/w+rd", "prefer", false),
                Arguments.of("postgresql://user%40corp:pw@db.example.com/nemo",
                        "jdbc:postgresql://db.example.com:5432/nemo", "user@corp", "pw", "prefer", false),
                Arguments.of("postgresql://admin@[::1]:5433/nemo",
                        "jdbc:postgresql://[::1]:5433/nemo", "admin", null, "prefer", false),
                Arguments.of("postgresql://admin@[2001:db8::7]/nemo",
                        "jdbc:postgresql://[2001:db8::7]:5432/nemo", "admin", null, "prefer", false),
                Arguments.of("postgresql://a@h1:5432,h2:5433/nemo",
                        "jdbc:postgresql://h1:5432,h2:5433/nemo", "a", null, "prefer", false),
                Arguments.of("postgresql://a@db.example.com/nemo?sslmode=verify-full&application_name=ops",
                        "jdbc:postgresql://db.example.com:5432/nemo", "a", null, "verify-full", false),
                Arguments.of("postgresql://postgres:pw@db.abcdefghijkl.supabase.co:5432/postgres",
                        "jdbc:postgresql://db.abcdefghijkl.supabase.co:5432/postgres", "postgres", "pw", "require", false),
                Arguments.of("postgresql://postgres.abcdefghijkl:pw@aws-0-eu-central-1.pooler.supabase.com:6543/postgres",
                        "jdbc:postgresql://aws-0-eu-central-1.pooler.supabase.com:6543/postgres",
                        "postgres.abcdefghijkl", "pw", "require", true),
                Arguments.of("postgresql://postgres.abc:pw@aws-0-eu-central-1.pooler.supabase.com:5432/postgres",
                        "jdbc:postgresql://aws-0-eu-central-1.pooler.supabase.com:5432/postgres",
                        "postgres.abc", "pw", "require", false),
                Arguments.of("postgresql://llm:pw@localhost:5432/litellm?pgbouncer=true&connection_limit=5",
                        "jdbc:postgresql://localhost:5432/litellm", "llm", "pw", "prefer", true),
                Arguments.of("postgresql://db.abc.supabase.co/postgres?sslmode=disable",
                        "jdbc:postgresql://db.abc.supabase.co:5432/postgres", null, null, "disable", false),
                Arguments.of("jdbc:postgresql://db.example.com/nemo?ssl=true",
                        "jdbc:postgresql://db.example.com:5432/nemo", null, null, "verify-full", false),
                Arguments.of("host=db.example.com port=5433 dbname=nemo user=admin password=s3cr3t",
                        "jdbc:postgresql://db.example.com:5433/nemo", "admin", "s3cr3t", "prefer", false),
                Arguments.of("host=db.example.com dbname='my db' user=admin password='a \\'quoted\\' pw'",
                        "jdbc:postgresql://db.example.com:5432/my+db", "admin", "a 'quoted' pw", "prefer", false),
                Arguments.of("  postgresql://admin@db.example.com/nemo#fragment  ",
                        "jdbc:postgresql://db.example.com:5432/nemo", "admin", null, "prefer", false),
                Arguments.of("postgresql:///nemo", "jdbc:postgresql://localhost:5432/nemo", null, null, "prefer", false),
                Arguments.of("postgresql://admin:@db.example.com/nemo",
                        "jdbc:postgresql://db.example.com:5432/nemo", "admin", "", "prefer", false));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("validStrings")
    void parsesWhatUsersPaste(String input, String jdbcUrl, String user, String password, String sslMode,
                              boolean pooler) {
        ConnectionTarget target = ConnectionStrings.isolated().resolve(input);

        assertThat(target.jdbcUrl()).isEqualTo(jdbcUrl);
        assertThat(target.user()).isEqualTo(user);
        assertThat(target.password() == null ? null : new String(target.password())).isEqualTo(password);
        assertThat(target.sslMode().spelling()).isEqualTo(sslMode);
        assertThat(target.properties()).containsEntry("sslmode", sslMode);
        assertThat(target.pooler()).isEqualTo(pooler);
        assertThat(target.properties().get("prepareThreshold")).isEqualTo(pooler ? "0" : null);
        if (password != null && !password.isEmpty()) {
            assertThat(target.displayName()).doesNotContain(password);
            assertThat(target.jdbcUrl()).doesNotContain(password);
            assertThat(target.properties().values()).noneMatch(value -> value.contains(password));
        }
    }

    static Stream<Arguments> invalidStrings() {
        return Stream.of(
                Arguments.of("", "empty"),
                Arguments.of("   ", "empty"),
                Arguments.of("mysql://root:hunter2@db/x", "starts with postgresql://"),
                Arguments.of("jdbc:mysql://db/x?password=hunter2", "Only PostgreSQL"),
                Arguments.of("postgresql:db.example.com", "comes //host"),
                Arguments.of("postgresql://u:hunter2@db.example.com:54x2/nemo", "Port '54x2'"),
                Arguments.of("postgresql://u:hunter2@db.example.com:70000/nemo", "between 1 and 65535"),
                Arguments.of("postgresql://u:hunter2@2001:db8::1/nemo", "IPv6 address in a URL goes in brackets"),
                Arguments.of("postgresql://u:hunter2@[2001:db8::1/nemo", "closing ']'"),
                Arguments.of("postgresql://u:hunt%zzer2@db.example.com/nemo", "percent-encoding in the password"),
                Arguments.of("postgresql://u:hunter2@db.example.com/nemo?sslmode=verify", "sslmode 'verify' is not one of"),
                Arguments.of("postgresql://u:hunter2@db.example.com/nemo?sslmod=require", "Unknown connection parameter 'sslmod'"),
                Arguments.of("postgresql://u:hunter2@db.example.com/a/b", "contains a '/'"),
                Arguments.of("host=db.example.com password='hunter2", "no closing quote"),
                Arguments.of("host=db.example.com dbname", "'dbname' has no '='"),
                Arguments.of("host=/var/run/postgresql password=hunter2", "Unix-domain sockets"),
                Arguments.of("postgresql://u:hunter2@db.example.com/nemo?sslmode=verify-full&sslrootcert=/nonexistent/root.crt",
                        "sslrootcert /nonexistent/root.crt is not a readable file"),
                Arguments.of("postgresql://u:hunter2@h1,h2/nemo?port=1,2,3", "2 hosts but 3 ports"),
                Arguments.of("service=nemo-prod password=hunter2", "needs a service file"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("invalidStrings")
    void rejectsBadStringsWithAClearMessageThatNeverEchoesThePassword(String input, String expected) {
        assertThatThrownBy(() -> ConnectionStrings.isolated().resolve(input))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(expected)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("hunter2").doesNotContain("hunt%zz"));
    }

    @Test
    void mapsLibpqKeywordsToPgjdbcProperties() {
        ConnectionTarget target = ConnectionStrings.isolated().resolve("postgresql://a@h/db?connect_timeout=7"
                + "&application_name=ops&target_session_attrs=read-write&keepalives=1&options=-c%20search_path%3Dx"
                + "&schema=litellm&prepareThreshold=3");

        assertThat(target.properties()).containsEntry("connectTimeout", "7").containsEntry("ApplicationName", "ops")
                .containsEntry("targetServerType", "primary").containsEntry("tcpKeepAlive", "true")
                .containsEntry("options", "-c search_path=x").containsEntry("prepareThreshold", "3")
                .containsEntry("currentSchema", "litellm");
        assertThat(target.schemas()).isEqualTo(new SchemaNames("nemo", "litellm", "auth"));
    }

    @Test
    void anExplicitPrepareThresholdWinsOverPoolerDetection() {
        ConnectionTarget target = ConnectionStrings.isolated().resolve("postgresql://a@h:6543/db?prepareThreshold=5");

        assertThat(target.pooler()).isTrue();
        assertThat(target.properties()).containsEntry("prepareThreshold", "5");
    }

    @Test
    void requireWithARootCertificateVerifiesLikeLibpq() throws IOException {
        Path rootCert = Files.writeString(home.resolve("root.crt"), "not parsed here");

        ConnectionTarget target = ConnectionStrings.isolated().resolve(
                "postgresql://a@h/db?sslmode=require&sslrootcert=" + rootCert);

        assertThat(target.sslMode()).isEqualTo(SslMode.VERIFY_CA);
        assertThat(target.properties()).containsEntry("sslrootcert", rootCert.toString());
    }

    @Test
    void passwordComesFromTheStringBeforePgpasswordBeforeThePgpassFile() throws IOException {
        writePgpass(home.resolve(".pgpass"), "db.example.com:5432:nemo:admin:from-file\n");
        ConnectionStrings withEverything = new ConnectionStrings(Map.of("PGPASSWORD", "from-env"), home, "osuser");
        ConnectionStrings withFileOnly = new ConnectionStrings(Map.of(), home, "osuser");

        ConnectionTarget fromString = withEverything.resolve("postgresql://admin:from-string@db.example.com/nemo");
        ConnectionTarget fromEnv = withEverything.resolve("postgresql://admin@db.example.com/nemo");
        ConnectionTarget fromFile = withFileOnly.resolve("postgresql://admin@db.example.com/nemo");

        assertThat(new String(fromString.password())).isEqualTo("from-string");
        assertThat(fromString.passwordSource()).isEqualTo(ConnectionTarget.PasswordSource.CONNECTION_STRING);
        assertThat(new String(fromEnv.password())).isEqualTo("from-env");
        assertThat(fromEnv.passwordSource()).isEqualTo(ConnectionTarget.PasswordSource.PGPASSWORD);
        assertThat(new String(fromFile.password())).isEqualTo("from-file");
        assertThat(fromFile.passwordSource()).isEqualTo(ConnectionTarget.PasswordSource.PGPASS_FILE);
    }

    @Test
    void pgpassMatchesWildcardsEscapesAndTheFirstMatchingLine() throws IOException {
        Path file = home.resolve("custom-pgpass");
        writePgpass(file, """
                # comment
                other.example.com:*:*:*:wrong-host
                db.example.com:5432:nemo:reader:reader-pw
                *:*:*:admin:pa\\:ss\\\\word
                *:*:*:admin:never-reached
                """);
        ConnectionStrings strings = new ConnectionStrings(Map.of("PGPASSFILE", file.toString()), home, "osuser");

        assertThat(new String(strings.resolve("postgresql://admin@db.example.com/nemo").password()))
                .isEqualTo("pa:ss\\word");
        assertThat(new String(strings.resolve("postgresql://reader@db.example.com/nemo").password()))
                .isEqualTo("reader-pw");
        assertThat(strings.resolve("postgresql://reader@db.example.com:5433/nemo").password()).isNull();
        ConnectionTarget osUser = strings.resolve("postgresql://db.example.com/nemo");
        assertThat(osUser.password()).isNull();
    }

    @Test
    void pgpassReadableByOthersIsIgnoredLikeLibpqDoes() throws IOException {
        Path file = home.resolve(".pgpass");
        Files.writeString(file, "*:*:*:*:leaky\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

        ConnectionTarget target = new ConnectionStrings(Map.of(), home, "admin").resolve("postgresql://db/nemo");

        assertThat(target.password()).isNull();
    }

    @Test
    void serviceNamesResolveFromPgServiceFileWithExplicitKeywordsWinning() throws IOException {
        Path file = home.resolve("services.conf");
        Files.writeString(file, """
                # NemoRouter services
                [nemo-staging]
                host=staging.example.com
                port=5544
                dbname=nemo

                [nemo-prod]
                host=db.abcdefghijkl.supabase.co
                dbname=postgres
                user=console_reader
                sslmode=verify-full
                sslrootcert=%s
                """.formatted(Files.writeString(home.resolve("supabase.crt"), "x")));
        ConnectionStrings strings = new ConnectionStrings(Map.of("PGSERVICEFILE", file.toString()), home, "osuser");

        ConnectionTarget prod = strings.resolve("service=nemo-prod");
        ConnectionTarget staging = strings.resolve("service=nemo-staging user=me port=6543");

        assertThat(prod.jdbcUrl()).isEqualTo("jdbc:postgresql://db.abcdefghijkl.supabase.co:5432/postgres");
        assertThat(prod.user()).isEqualTo("console_reader");
        assertThat(prod.sslMode()).isEqualTo(SslMode.VERIFY_FULL);
        assertThat(staging.jdbcUrl()).isEqualTo("jdbc:postgresql://staging.example.com:6543/nemo");
        assertThat(staging.user()).isEqualTo("me");
        assertThat(staging.pooler()).isTrue();
        assertThatThrownBy(() -> strings.resolve("service=nemo-dev"))
                .hasMessage("Service 'nemo-dev' is not defined in " + file + ".");
    }

    @Test
    void theDefaultServiceFileIsInTheHomeDirectory() throws IOException {
        Files.writeString(home.resolve(".pg_service.conf"), "[local]\nhost=localhost\nport=5439\n");

        ConnectionTarget target = new ConnectionStrings(Map.of(), home, null).resolve("service=local");

        assertThat(target.jdbcUrl()).isEqualTo("jdbc:postgresql://localhost:5439/postgres");
    }

    @Test
    void secretsAreMaskedInAnyText() {
        assertThat(Secrets.mask("could not open postgresql://admin:hunter2@db/x and password=hunter2&x=1 "
                + "or password = 'hunter 2' with sk-abcdef123456"))
                .isEqualTo("could not open postgresql://admin:****@db/x and password=****&x=1 "
                        + "or password = **** with sk-****");
    }

    private static void writePgpass(Path file, String content) throws IOException {
        Files.writeString(file, content);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    }
}
