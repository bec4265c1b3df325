package com.nemorouter.console.connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;

import javax.sql.DataSource;

import com.nemorouter.console.testing.SilentServer;
import com.nemorouter.console.testing.TestDatabases;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Each way opening a connection fails gives one sentence that says what happened and what to do, with no
 * pool or driver internals, no stack trace and no password. The window and the command line show exactly
 * this sentence ({@code FailureMessages.describe}); the command-line and window tests check that they do.
 */
class ConnectionFailureMessagesTest {

    private static final String PASSWORD_ROLE = "nemo_password_test";
    private static final String FORBIDDEN = "HikariPool|nemo-console - |total=|PSQLException|Exception|\tat |request timed out";

    private static Path hbaFile;
    private static String originalHba;

    @AfterAll
    static void restorePgHba() throws Exception {
        if (hbaFile != null) {
            Files.writeString(hbaFile, originalHba);
            TestDatabases.execute(TestDatabases.dataSource("postgres"), "select pg_reload_conf()");
        }
    }

    private static String failureOpening(String url, Duration connectTimeout) {
        Throwable failure = catchThrowable(() -> Database.open(ConnectionStrings.isolated().resolve(url),
                ConnectionSettings.DEFAULT.withConnectTimeout(connectTimeout)).close());
        assertThat(failure).as("opening %s should fail", url).isNotNull();
        String message = FailureMessages.describe("Connecting", failure);
        assertThat(message).doesNotContainPattern(FORBIDDEN).doesNotContain("\n");
        return message;
    }

    @Test
    void aSilentServerTimesOutWithinTheConnectTimeoutAndSaysHowToWaitLonger() throws Exception {
        try (SilentServer silent = new SilentServer()) {
            for (String sslmode : List.of("disable", "prefer")) {
                long start = System.nanoTime();
                String message = failureOpening("postgresql://admin:topsecret@127.0.0.1:" + silent.port()
                        + "/postgres?sslmode=" + sslmode, Duration.ofSeconds(2));
                Duration took = Duration.ofNanos(System.nanoTime() - start);

                assertThat(message).isEqualTo("Connecting failed: 127.0.0.1:" + silent.port() + " did not answer within "
                        + "2 s; check the host, the port and any firewall in between, or allow more time with "
                        + "--connect-timeout <seconds>.");
                assertThat(took).as("sslmode " + sslmode).isBetween(Duration.ofMillis(1900), Duration.ofSeconds(2 + 4));
                assertThat(message).doesNotContain("topsecret");
            }
            assertThat(silent.accepted()).as("the server was reached").isPositive();
            // The driver's connect threads gave up reading too, though the server still holds the sockets open.
            awaitNoDriverConnectThreads(Duration.ofSeconds(3 * 2 + 2));
        }
    }

    @Test
    void aLongQueryIsNotCutByTheLoginTimeout() {
        try (Database database = Database.open(ConnectionStrings.isolated().resolve(TestDatabases.url("postgres")),
                ConnectionSettings.DEFAULT.withConnectTimeout(Duration.ofSeconds(1)))) {
            Object slept = database.read(em -> em.createNativeQuery("select cast(pg_sleep(1.6) as text)").getSingleResult());
            assertThat(slept).isEqualTo("");
        }
    }

    private static void awaitNoDriverConnectThreads(Duration bound) {
        long deadline = System.nanoTime() + bound.toNanos();
        while (Thread.getAllStackTraces().keySet().stream()
                .anyMatch(thread -> thread.isAlive() && thread.getName().equals("PostgreSQL JDBC driver connection thread"))) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("a driver connect thread still waits on the silent server after " + bound);
            }
            Thread.onSpinWait();
        }
    }

    @Test
    void aRefusedPortIsReportedAtOnce() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        long start = System.nanoTime();
        String message = failureOpening("postgresql://admin:topsecret@127.0.0.1:" + closedPort + "/postgres",
                Duration.ofSeconds(10));

        assertThat(message).isEqualTo("Connecting failed: 127.0.0.1:" + closedPort + " refused the connection; check "
                + "that PostgreSQL is running there and that the host and port are right.");
        // Not the pool's whole wait: the driver knows at once.
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void anUnknownHostIsNamed() {
        String message = failureOpening("postgresql://admin:topsecret@nemo-db.invalid:5432/postgres", Duration.ofSeconds(5));

        assertThat(message).isEqualTo("Connecting failed: The host name nemo-db.invalid is unknown (DNS has no address "
                + "for it); check the host in the connection string.");
    }

    @Test
    void aServerWithoutTlsAndSslmodeRequire() {
        String message = failureOpening("postgresql://postgres@localhost:" + TestDatabases.port()
                + "/postgres?sslmode=require", Duration.ofSeconds(5));

        assertThat(message).isEqualTo("Connecting failed: localhost:" + TestDatabases.port() + " does not offer TLS, "
                + "but sslmode=require requires it; turn ssl on at the server, or use sslmode=prefer only on a "
                + "network you trust.");
    }

    /**
     * The embedded server trusts every login, so this adds a pg_hba.conf rule that asks one test role for a
     * scram password (the other roles keep trust) and reloads the configuration.
     */
    @Test
    void aWrongPasswordIsOneSentenceAndTheRightOneConnects() throws Exception {
        requirePasswordFor(PASSWORD_ROLE, "right-password");
        String url = "postgresql://" + PASSWORD_ROLE + ":%s@localhost:" + TestDatabases.port() + "/postgres";

        String message = failureOpening(String.format(url, "wrong-password"), Duration.ofSeconds(5));

        assertThat(message).isEqualTo("Connecting failed: localhost:" + TestDatabases.port() + " refused the password "
                + "for user " + PASSWORD_ROLE + "; check the password (from the connection string, PGPASSWORD, "
                + "~/.pgpass, the keychain or the prompt).");
        assertThat(message).doesNotContain("wrong-password");
        try (Database database = Database.open(ConnectionStrings.isolated().resolve(String.format(url, "right-password")))) {
            assertThat(new ConnectionService(database).describe().databaseRole()).isEqualTo(PASSWORD_ROLE);
        }
    }

    private static void requirePasswordFor(String role, String password) throws Exception {
        DataSource superuser = TestDatabases.dataSource("postgres");
        TestDatabases.execute(superuser, "do $$ begin if not exists (select from pg_roles where rolname = '" + role
                + "') then create role " + role + " login; end if; end $$");
        TestDatabases.execute(superuser, "alter role " + role + " password '" + password + "'");
        synchronized (ConnectionFailureMessagesTest.class) {
            if (hbaFile == null) {
                try (Connection connection = superuser.getConnection(); Statement statement = connection.createStatement();
                     ResultSet rows = statement.executeQuery("show hba_file")) {
                    rows.next();
                    hbaFile = Path.of(rows.getString(1));
                }
                originalHba = Files.readString(hbaFile);
                // First match wins: this line comes before the trust lines, for this role only.
                Files.writeString(hbaFile, "host all " + role + " all scram-sha-256\n" + originalHba);
                TestDatabases.execute(superuser, "select pg_reload_conf()");
            }
        }
        awaitPasswordRequired(role);
    }

    /** pg_reload_conf() only signals the server: wait until a login without the password is refused. */
    private static void awaitPasswordRequired(String role) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                // Still admitted without a password: the reload has not happened yet.
                java.sql.DriverManager.getConnection("jdbc:postgresql://localhost:" + TestDatabases.port()
                        + "/postgres?user=" + role + "&password=not-it").close();
            } catch (SQLException e) {
                if ("28P01".equals(e.getSQLState())) {
                    return;
                }
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("the server did not reload pg_hba.conf within 20 s");
    }
}
