package com.nemorouter.console.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import com.nemorouter.console.connection.Database;
import com.nemorouter.console.integrity.AuditService;
import com.nemorouter.console.request.Request;
import com.nemorouter.console.testing.TestDatabases;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * One cancel mechanism: a request's handle stops its statements on the server (PostgreSQL's cancel request,
 * sent on the runner's control lane, so it does not wait for the busy workers), "Cancel everything" cancels
 * every handle, and a superseded request never delivers.
 */
class TaskRunnerCancelTest {

    private static final String SLEEP = "select pg_sleep(60)";

    private String name;
    private Database database;
    private FxTaskRunner tasks;

    @BeforeEach
    void open() throws Exception {
        FxToolkit.registerPrimaryStage();
        name = TestDatabases.copyOfSeed();
        database = Database.open(TestDatabases.target(name));
        tasks = new FxTaskRunner();
    }

    @AfterEach
    void close() throws Exception {
        tasks.close();
        database.close();
        FxToolkit.cleanupStages();
    }

    @Test
    void cancellingAHandleStopsItsStatementWithinASecondWhileBothWorkersAreBusy() throws Exception {
        CompletableFuture<Throwable> first = new CompletableFuture<>();
        CompletableFuture<Throwable> second = new CompletableFuture<>();
        CompletableFuture<Throwable> queued = new CompletableFuture<>();
        CompletableFuture<Throwable> fourth = new CompletableFuture<>();
        AtomicBoolean queuedRan = new AtomicBoolean();
        Request one = tasks.run("first", this::sleep, result -> first.complete(null), first::complete);
        tasks.run("second", this::sleep, result -> second.complete(null), second::complete);
        awaitSleeping(2);
        // Both workers are busy: this one waits in the queue, and cancelling it means it never runs.
        Request waiting = tasks.run("queued", () -> queuedRan.getAndSet(true), result -> queued.complete(null),
                queued::complete);
        assertThat(waiting.cancel()).isZero();

        long cancelled = System.nanoTime();
        assertThat(one.cancel()).isEqualTo(1);
        awaitSleeping(1);
        assertThat(Duration.ofNanos(System.nanoTime() - cancelled)).isLessThan(Duration.ofSeconds(1));
        Throwable failure = first.get(10, TimeUnit.SECONDS);
        assertThat(failure).isInstanceOf(CancellationException.class);
        assertThat(sqlState(failure)).isEqualTo("57014");
        assertThat(queued.get(10, TimeUnit.SECONDS)).isInstanceOf(CancellationException.class);
        assertThat(queuedRan).isFalse();
        assertThat(second).isNotDone();

        // "Cancel everything": every handle still running.
        tasks.run("fourth", this::sleep, result -> fourth.complete(null), fourth::complete);
        awaitSleeping(2);
        cancelled = System.nanoTime();
        assertThat(tasks.cancelAll()).isEqualTo(2);
        awaitSleeping(0);
        assertThat(Duration.ofNanos(System.nanoTime() - cancelled)).isLessThan(Duration.ofSeconds(1));
        assertThat(sqlState(second.get(10, TimeUnit.SECONDS))).isEqualTo("57014");
        assertThat(sqlState(fourth.get(10, TimeUnit.SECONDS))).isEqualTo("57014");
        assertThat(tasks.cancelAll()).isZero();
    }

    @Test
    void aSupersededRequestIsStoppedOnTheServerAndNeverDelivers() throws Exception {
        Latest latest = new Latest(tasks);
        List<String> delivered = Collections.synchronizedList(new ArrayList<>());
        WaitForAsyncUtils.asyncFx(() -> latest.run("old", this::sleep,
                result -> delivered.add("old result"), failure -> delivered.add("old failure"))).get();
        awaitSleeping(1);

        long superseded = System.nanoTime();
        WaitForAsyncUtils.asyncFx(() -> latest.run("new", () -> database.read(
                em -> em.createNativeQuery("select 42").getSingleResult()),
                result -> delivered.add("new " + result), failure -> delivered.add("new failure"))).get();
        awaitSleeping(0);
        assertThat(Duration.ofNanos(System.nanoTime() - superseded)).isLessThan(Duration.ofSeconds(1));

        // Both requests have ended once the runner is idle; the old one's failure was dropped.
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !tasks.busyProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(delivered).containsExactly("new 42");
    }

    @Test
    void cancellingTheParallelAuditStopsEveryTransactionItRuns() throws Exception {
        AuditService audit = new AuditService(database);
        try (Connection locker = TestDatabases.dataSource(name).getConnection()) {
            // Holds the audit's checks (and both of its snapshot workers) waiting on the server.
            locker.setAutoCommit(false);
            try (Statement statement = locker.createStatement()) {
                statement.execute("lock table nemo.organizations in access exclusive mode");
            }
            Request request = new Request("Auditing", Runnable::run);
            CompletableFuture<Object> run = CompletableFuture.supplyAsync(() -> {
                try {
                    return request.call(audit::runAll);
                } catch (Exception e) {
                    throw new CompletionException(e);
                }
            });
            awaitLockWaits(2);

            long cancelled = System.nanoTime();
            // The transaction holding the snapshot and the two workers that import it.
            assertThat(request.cancel()).isEqualTo(3);
            awaitLockWaits(0);
            assertThat(Duration.ofNanos(System.nanoTime() - cancelled)).isLessThan(Duration.ofSeconds(1));
            Throwable failure = catchThrowable(() -> run.get(10, TimeUnit.SECONDS));
            assertThat(failure).isInstanceOf(ExecutionException.class);
            assertThat(failure.getCause()).isInstanceOf(CancellationException.class);
            locker.rollback();
        }
    }

    /** Polls pg_stat_activity until exactly {@code count} console sessions wait for the test's lock. */
    private void awaitLockWaits(int count) throws SQLException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        try (Connection connection = TestDatabases.dataSource("postgres").getConnection();
             PreparedStatement statement = connection.prepareStatement("select count(*) from pg_stat_activity "
                     + "where datname = ? and application_name = 'nemo-console' and wait_event_type = 'Lock'")) {
            statement.setString(1, name);
            while (true) {
                try (ResultSet rows = statement.executeQuery()) {
                    rows.next();
                    if (rows.getInt(1) == count) {
                        return;
                    }
                }
                if (System.nanoTime() > deadline) {
                    StringBuilder seen = new StringBuilder();
                    try (PreparedStatement all = connection.prepareStatement("select application_name, state, "
                            + "wait_event_type, left(query, 60) from pg_stat_activity where datname = ?")) {
                        all.setString(1, name);
                        try (ResultSet rows = all.executeQuery()) {
                            while (rows.next()) {
                                seen.append('\n').append(rows.getString(1)).append(" | ").append(rows.getString(2))
                                        .append(" | ").append(rows.getString(3)).append(" | ").append(rows.getString(4));
                            }
                        }
                    }
                    throw new AssertionError("expected " + count + " sessions waiting for the lock; sessions:" + seen);
                }
                Thread.onSpinWait();
            }
        }
    }

    private Object sleep() {
        return database.read(em -> em.createNativeQuery(SLEEP).getSingleResult());
    }

    private static String sqlState(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql) {
                return sql.getSQLState();
            }
        }
        return null;
    }

    /**
     * Polls pg_stat_activity, on one connection so the poll itself stays quick, until exactly {@code count}
     * sleeps run on the server.
     */
    private void awaitSleeping(int count) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        try (Connection connection = TestDatabases.dataSource("postgres").getConnection();
             PreparedStatement statement = connection.prepareStatement("select count(*) from pg_stat_activity "
                     + "where datname = ? and state = 'active' and query = ?")) {
            statement.setString(1, name);
            statement.setString(2, SLEEP);
            while (true) {
                int sleeping;
                try (ResultSet rows = statement.executeQuery()) {
                    rows.next();
                    sleeping = rows.getInt(1);
                }
                if (sleeping == count) {
                    return;
                }
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("expected " + count + " running sleeps, found " + sleeping);
                }
                Thread.onSpinWait();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
