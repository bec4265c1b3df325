package com.nemorouter.console.integrity;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.regex.Pattern;

import com.nemorouter.console.connection.Database;
import com.nemorouter.console.connection.RowSecurity;
import com.nemorouter.console.connection.SchemaNames;
import com.nemorouter.console.connection.SqlRows;
import com.nemorouter.console.request.Request;

import jakarta.persistence.EntityManager;

import org.hibernate.Session;

/**
 * Runs the integrity checks. Every check is one set-based statement, whatever the size of the tenant
 * tables; no check makes a round trip per row. Methods run on a background thread (never the FX
 * thread), each in one read-only transaction of its own. Cancelling the {@link Request} they run for stops
 * their statements on the server (every transaction registers its connection with it, see {@code Database}).
 */
public final class AuditService {

    /** A check lists at most this many findings; a database that drifted further needs a repair, not a list. */
    public static final int FINDING_LIMIT = 10_000;

    private final Database database;

    public AuditService(Database database) {
        this.database = database;
    }

    public List<AuditCheck> checks() {
        return List.of(AuditCheck.values());
    }

    /**
     * Runs one check: one read transaction, one statement.
     *
     * @throws CancellationException when the request it runs for was cancelled
     */
    public CheckResult run(AuditCheck check) {
        String skipped = skipReason(check);
        if (skipped != null) {
            return CheckResult.skipped(check, skipped);
        }
        return database.read(em -> execute(em, check));
    }

    /**
     * Checks running at once, each on its own pooled connection. The pool holds four: with the transaction
     * that holds the snapshot, this leaves one for the window.
     */
    static final int PARALLEL_CHECKS = 2;

    private static final Pattern SNAPSHOT_ID = Pattern.compile("[0-9A-Fa-f-]+");

    /**
     * Runs every check against one consistent snapshot (what cron and CI want), {@link #PARALLEL_CHECKS}
     * at a time: the first transaction exports its snapshot and the checks run in transactions that import
     * it, so they see exactly the same data as if they ran one after another in it. One statement per check
     * plus the export; where the server refuses to export a snapshot (a hot standby, a role without the
     * privilege), the checks run one after another in one transaction instead. The helpers run for the caller's {@link Request}, so
     * cancelling it stops every statement of the audit.
     */
    public AuditReport runAll() {
        try {
            return database.read(em -> new AuditReport(runInSnapshot(exportSnapshot(em))));
        } catch (SnapshotUnavailable e) {
            return database.read(em -> {
                List<CheckResult> results = new ArrayList<>();
                for (AuditCheck check : AuditCheck.values()) {
                    Request.checkpoint();
                    results.add(executeUnlessSkipped(em, check));
                }
                return new AuditReport(results);
            });
        }
    }

    private List<CheckResult> runInSnapshot(String snapshot) {
        AuditCheck[] checks = AuditCheck.values();
        CheckResult[] results = new CheckResult[checks.length];
        AtomicInteger next = new AtomicInteger();
        ExecutorService workers = Executors.newFixedThreadPool(PARALLEL_CHECKS, runnable -> {
            Thread thread = new Thread(runnable, "nemo-audit");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<Object>> running = new ArrayList<>();
            for (int i = 0; i < PARALLEL_CHECKS; i++) {
                running.add(workers.submit(Request.propagating(() -> readInSnapshot(snapshot, em -> {
                    // Each worker takes the next check until none is left: the slow ones do not queue behind each other.
                    for (int index = next.getAndIncrement(); index < checks.length; index = next.getAndIncrement()) {
                        Request.checkpoint();
                        results[index] = executeUnlessSkipped(em, checks[index]);
                    }
                    return null;
                }))));
            }
            RuntimeException failure = null;
            for (Future<Object> worker : running) {
                try {
                    worker.get();
                } catch (ExecutionException e) {
                    next.set(checks.length);
                    if (failure == null) {
                        failure = e.getCause() instanceof RuntimeException runtime ? runtime
                                : new IllegalStateException(e.getCause());
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    next.set(checks.length);
                    throw new CancellationException("interrupted");
                }
            }
            if (failure != null) {
                throw failure;
            }
            return Arrays.asList(results);
        } finally {
            workers.shutdownNow();
        }
    }

    /**
     * Runs {@code work} in a repeatable-read transaction that sees {@code snapshot}, exported by the
     * transaction {@link #runAll} runs, so parallel checks read one consistent state. Its connection is
     * registered with the current request like any other read. The set-up statements are utility commands,
     * sent before the first query as PostgreSQL requires.
     */
    private <T> T readInSnapshot(String snapshot, Function<EntityManager, T> work) {
        if (!SNAPSHOT_ID.matcher(snapshot).matches()) {
            throw new IllegalArgumentException("not a snapshot id: " + snapshot);
        }
        return database.read(em -> {
            em.unwrap(Session.class).doWork(jdbc -> {
                try (Statement statement = jdbc.createStatement()) {
                    statement.execute("set transaction isolation level repeatable read");
                    // A literal, not a parameter: SET takes none. The id was checked against SNAPSHOT_ID above.
                    statement.execute("set transaction snapshot '" + snapshot + "'");
                }
            });
            return work.apply(em);
        });
    }

    /**
     * The transaction's snapshot for others to import. As the transaction's first statement, and not inside a
     * savepoint: PostgreSQL refuses to export a snapshot from a subtransaction.
     *
     * @throws SnapshotUnavailable where PostgreSQL cannot export one; the transaction is then aborted
     */
    private static String exportSnapshot(EntityManager em) {
        return em.unwrap(Session.class).doReturningWork(jdbc -> {
            try (Statement statement = jdbc.createStatement();
                 ResultSet rows = statement.executeQuery("select pg_export_snapshot()")) {
                rows.next();
                return rows.getString(1);
            } catch (SQLException e) {
                throw new SnapshotUnavailable(e);
            }
        });
    }

    /** The server could not export a snapshot: {@link #runAll} runs the checks in one transaction instead. */
    private static final class SnapshotUnavailable extends RuntimeException {
        SnapshotUnavailable(SQLException cause) {
            super(cause.getMessage(), cause);
        }
    }

    /**
     * Why {@code check} must not run on this connection, or null: a table it reads is hidden by row-level
     * security, so it would report every hidden row as missing. Never a false finding.
     */
    /** A check that reads a table hidden by row-level security is skipped, never run into false findings. */
    private CheckResult executeUnlessSkipped(EntityManager em, AuditCheck check) {
        String skipped = skipReason(check);
        return skipped != null ? CheckResult.skipped(check, skipped) : execute(em, check);
    }

    private String skipReason(AuditCheck check) {
        RowSecurity rowSecurity = database.schemaReport().rowSecurity();
        List<RowSecurity.HiddenTable> hidden = rowSecurity.readBy(check.sql());
        return hidden.isEmpty() ? null : String.join("; ", hidden.stream().map(rowSecurity::reason).toList());
    }

    /**
     * One row of a check, in the column order every {@link AuditCheck} statement returns; Hibernate builds it
     * from the row (its constructor takes the columns in order).
     */
    record FindingRow(String severity, String entityType, String entityId, String[] tables, String detail,
                      String organizationId, String[] related) {

        Finding toFinding(AuditCheck check) {
            return new Finding(check, Severity.parse(severity), entityType, entityId, strings(tables), detail,
                    organizationId, strings(related));
        }

        private static List<String> strings(String[] values) {
            return values == null ? List.of() : Arrays.stream(values).filter(java.util.Objects::nonNull).toList();
        }
    }

    static CheckResult execute(EntityManager em, AuditCheck check) {
        long started = System.nanoTime();
        var query = SqlRows.select(em, "select * from (" + check.sql()
                + ") f order by 3, 5 limit " + (FINDING_LIMIT + 1), FindingRow.class);
        if (check.sql().contains(":nemoSchema")) {
            // A catalog filter compares schema names as values: bound, since placeholders are for identifiers.
            query.setParameter("nemoSchema", SchemaNames.of(em).nemo());
        }
        List<FindingRow> rows = query.getResultList();
        List<Finding> findings = rows.subList(0, Math.min(rows.size(), FINDING_LIMIT)).stream()
                .map(row -> row.toFinding(check)).toList();
        return new CheckResult(check, findings, rows.size() > FINDING_LIMIT, (System.nanoTime() - started) / 1_000_000);
    }
}
