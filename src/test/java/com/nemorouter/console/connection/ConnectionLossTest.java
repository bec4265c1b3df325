package com.nemorouter.console.connection;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import com.nemorouter.console.request.Request;
import com.nemorouter.console.wiring.ConsoleServices;
import com.nemorouter.console.testing.Seed;
import com.nemorouter.console.testing.TestDatabases;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The database goes away under a running call ({@code pg_terminate_backend}), or the user cancels it: the
 * call fails with a clear outcome, a write is rolled back, and the next call works without reopening.
 */
class ConnectionLossTest {

    private String name;
    private Database database;

    @BeforeEach
    void open() {
        name = TestDatabases.copyOfSeed();
        database = Database.open(TestDatabases.target(name));
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void aBrowsingReadFailsAsLostAndTheNextReadReconnects() throws Exception {
        CompletableFuture<Object> read = CompletableFuture.supplyAsync(() -> database.read(
                em -> em.createNativeQuery("select count(*) from nemo.organizations, pg_sleep(30)").getSingleResult()));
        awaitRunning("pg_sleep(30)");

        terminateBackends();

        Throwable failure = failureOf(read);
        assertThat(failure).isInstanceOf(ConnectionLostException.class);
        assertThat(((ConnectionLostException) failure).outcome()).isEqualTo(ConnectionLostException.Outcome.READ);
        assertThat(FailureMessages.describe("Loading organizations", failure))
                .isEqualTo("Loading organizations failed: The connection to the database was lost. "
                        + "Use Retry once the database is reachable again.");
        assertThat(ConsoleServices.wire(database).census().census().readyLine())
                .startsWith("ready: " + Seed.ORGANIZATIONS + " organizations");
    }

    @Test
    void anEditInFlightIsReportedAsNotAppliedAndIsRolledBack() throws Exception {
        CompletableFuture<Object> edit = CompletableFuture.supplyAsync(() -> database.write(em -> {
            em.createNativeQuery("update nemo.organizations set name = 'half-applied' where organization_id = "
                    + "cast(:id as uuid)").setParameter("id", Seed.ACME).executeUpdate();
            return em.createNativeQuery("select pg_sleep(30)").getSingleResult();
        }));
        awaitRunning("pg_sleep(30)");

        terminateBackends();

        Throwable failure = failureOf(edit);
        assertThat(failure).isInstanceOf(ConnectionLostException.class);
        assertThat(((ConnectionLostException) failure).outcome())
                .isEqualTo(ConnectionLostException.Outcome.NOT_APPLIED);
        assertThat(failure.getMessage()).isEqualTo("The connection to the database was lost; the change was not "
                + "applied (its transaction was rolled back).");
        Object name = database.read(em -> em.createNativeQuery(
                "select name from nemo.organizations where organization_id = cast(:id as uuid)")
                .setParameter("id", Seed.ACME).getSingleResult());
        assertThat(name).isEqualTo("Acme Robotics");
    }

    @Test
    void cancelStopsTheStatementOnTheServer() throws Exception {
        long started = System.nanoTime();
        Request request = new Request("Loading", Runnable::run);
        CompletableFuture<Object> read = CompletableFuture.supplyAsync(() -> {
            try {
                return request.call(() -> database.read(
                        em -> em.createNativeQuery("select pg_sleep(30)").getSingleResult()));
            } catch (Exception e) {
                throw new CompletionException(e);
            }
        });
        awaitRunning("pg_sleep(30)");

        assertThat(request.cancel()).isEqualTo(1);

        Throwable failure = failureOf(read);
        assertThat(FailureMessages.describe("Loading", failure))
                .isEqualTo("Loading failed: The query was cancelled or timed out.");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(20));
        assertThat(runningStatements("pg_sleep(30)")).isZero();
        assertThat(request.cancel()).isZero();
    }

    @Test
    void readsAreBoundedByTheStatementTimeout() {
        try (Database bounded = Database.open(TestDatabases.target(name),
                ConnectionSettings.DEFAULT.withReadStatementTimeout(Duration.ofMillis(300)))) {
            Throwable failure = failureOf(CompletableFuture.supplyAsync(() -> bounded.read(
                    em -> em.createNativeQuery("select pg_sleep(30)").getSingleResult())));

            assertThat(FailureMessages.describe("Loading", failure))
                    .isEqualTo("Loading failed: The query was cancelled or timed out.");
            Object acme = bounded.read(em -> em.createNativeQuery(
                    "select name from nemo.organizations where organization_id = cast(:id as uuid)")
                    .setParameter("id", Seed.ACME).getSingleResult());
            assertThat(acme).isEqualTo("Acme Robotics");
        }
    }

    @Test
    void plainJdbcAndSingleStatementReadsAreBoundedTooDirectOrThroughAPoolerWhileWritesAreNot() {
        ConnectionSettings bounded = ConnectionSettings.DEFAULT.withReadStatementTimeout(Duration.ofMillis(300));
        // Direct: the timeout is each connection's session default; through a pooler, a SET LOCAL per read.
        for (ConnectionTarget target : List.of(TestDatabases.target(name),
                ConnectionStrings.isolated().resolve(TestDatabases.url(name) + "?pgbouncer=true"))) {
            try (Database opened = Database.open(target, bounded)) {
                Throwable jdbc = failureOf(CompletableFuture.supplyAsync(() -> opened.readJdbc(connection -> {
                    try (Statement statement = connection.createStatement()) {
                        return statement.execute("select pg_sleep(30)");
                    }
                })));
                assertThat(FailureMessages.describe("Counting", jdbc)).isEqualTo("Counting failed: The query was cancelled or timed out.");
                Throwable single = failureOf(CompletableFuture.supplyAsync(() -> opened.readStatement(connection -> {
                    try (Statement statement = connection.createStatement()) {
                        return statement.execute("select pg_sleep(30)");
                    }
                })));
                assertThat(FailureMessages.describe("Resolving", single)).isEqualTo("Resolving failed: The query was cancelled or timed out.");
                Throwable orm = failureOf(CompletableFuture.supplyAsync(() -> opened.read(
                        em -> em.createNativeQuery("select pg_sleep(30)").getSingleResult())));
                assertThat(FailureMessages.describe("Loading", orm)).isEqualTo("Loading failed: The query was cancelled or timed out.");

                // A write may wait longer than a read (a roster lock, say), and the read after it is bounded again.
                Object slept = opened.write(em -> em.createNativeQuery("select 'slept' from pg_sleep(0.6)").getSingleResult());
                assertThat(slept).isEqualTo("slept");
                assertThat((Object) opened.read(em -> em.createNativeQuery("select current_setting('statement_timeout')").getSingleResult()))
                        .isEqualTo("300ms");
            }
        }
    }

    private static Throwable failureOf(CompletableFuture<?> future) {
        try {
            future.get(30, TimeUnit.SECONDS);
            throw new AssertionError("expected the call to fail");
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** Polls pg_stat_activity: the statement must be running on the server before we pull the plug. */
    private void awaitRunning(String text) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (runningStatements(text) == 0) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(text + " never started");
            }
            Thread.onSpinWait();
        }
    }

    private int runningStatements(String text) {
        try (Connection connection = TestDatabases.dataSource("postgres").getConnection();
             PreparedStatement statement = connection.prepareStatement("select count(*) from pg_stat_activity "
                     + "where datname = ? and state = 'active' and position(? in query) > 0 and pid <> pg_backend_pid()")) {
            statement.setString(1, name);
            statement.setString(2, text);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private void terminateBackends() {
        TestDatabases.execute(TestDatabases.dataSource("postgres"), "select pg_terminate_backend(pid) "
                + "from pg_stat_activity where datname = '" + name + "' and pid <> pg_backend_pid()");
    }
}
