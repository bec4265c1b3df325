package com.nemorouter.console.integrity;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import com.nemorouter.console.connection.Database;
import com.nemorouter.console.connection.RowSecurity;

import com.nemorouter.console.connection.SchemaNames;

import jakarta.persistence.EntityManager;

import org.hibernate.Session;

/**
 * Runs the integrity checks. Every check is one set-based statement, whatever the size of the tenant
 * tables; no check makes a round trip per row. Methods run on a background thread (never the FX
 * thread), each in one read-only transaction of its own.
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
     * Runs one check: one read transaction, two statements (the process id for cancelling, the check).
     *
     * @throws java.util.concurrent.CancellationException when {@link #cancel} stopped it
     */
    public CheckResult run(AuditCheck check, QueryCancellation cancellation) {
        String skipped = skipReason(check);
        if (skipped != null) {
            return CheckResult.skipped(check, skipped);
        }
        return cancellation.read(database, em -> {
            return execute(em, check);
        });
    }

    /**
     * Checks running at once, each on its own pooled connection. The pool holds four: with the transaction
     * that holds the snapshot, this leaves one for the window.
     */
    static final int PARALLEL_CHECKS = 2;

    /**
     * Runs every check against one consistent snapshot (what cron and CI want), {@link #PARALLEL_CHECKS}
     * at a time: the first transaction exports its snapshot and the checks run in transactions that import
     * it, so they see exactly the same data as if they ran one after another in it. One statement per check
     * plus one for the process id; where the server cannot export a snapshot (a hot standby), the checks
     * run one after another in the first transaction instead.
     */
    public AuditReport runAll(QueryCancellation cancellation) {
        return cancellation.read(database, em -> {
            String snapshot = exportSnapshot(em);
            if (snapshot == null) {
                List<CheckResult> results = new ArrayList<>();
                for (AuditCheck check : AuditCheck.values()) {
                    cancellation.throwIfCancelled();
                    results.add(executeUnlessSkipped(em, check));
                }
                return new AuditReport(results);
            }
            return new AuditReport(runInSnapshot(snapshot, cancellation));
        });
    }

    private List<CheckResult> runInSnapshot(String snapshot, QueryCancellation cancellation) {
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
                running.add(workers.submit(() -> cancellation.readInSnapshot(database, snapshot, em -> {
                    // Each worker takes the next check until none is left: the slow ones do not queue behind each other.
                    for (int index = next.getAndIncrement(); index < checks.length; index = next.getAndIncrement()) {
                        cancellation.throwIfCancelled();
                        results[index] = executeUnlessSkipped(em, checks[index]);
                    }
                    return null;
                })));
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
                    throw new java.util.concurrent.CancellationException("interrupted");
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

    /** The transaction's snapshot for others to import, or null where PostgreSQL cannot export one. */
    private static String exportSnapshot(EntityManager em) {
        return em.unwrap(Session.class).doReturningWork(jdbc -> {
            Savepoint savepoint = jdbc.setSavepoint();
            try (Statement statement = jdbc.createStatement();
                 ResultSet rows = statement.executeQuery("select pg_export_snapshot()")) {
                rows.next();
                String snapshot = rows.getString(1);
                jdbc.releaseSavepoint(savepoint);
                return snapshot;
            } catch (SQLException e) {
                jdbc.rollback(savepoint);
                return null;
            }
        });
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

    /** Cancels the statement {@code cancellation} is running, in a transaction of its own. */
    public void cancel(QueryCancellation cancellation) {
        cancellation.cancelOn(database);
    }

    @SuppressWarnings("unchecked")
    static CheckResult execute(EntityManager em, AuditCheck check) {
        long started = System.nanoTime();
        var query = em.createNativeQuery("select * from (" + check.sql()
                + ") f order by 3, 5 limit " + (FINDING_LIMIT + 1));
        if (check.sql().contains(":nemoSchema")) {
            // A catalog filter compares schema names as values: bound, since placeholders are for identifiers.
            query.setParameter("nemoSchema", SchemaNames.of(em).nemo());
        }
        List<Object[]> rows = query.getResultList();
        List<Finding> findings = new ArrayList<>();
        for (Object[] row : rows.subList(0, Math.min(rows.size(), FINDING_LIMIT))) {
            findings.add(new Finding(check, Severity.parse((String) row[0]), (String) row[1], (String) row[2],
                    strings(row[3]), (String) row[4], (String) row[5], strings(row[6])));
        }
        return new CheckResult(check, findings, rows.size() > FINDING_LIMIT, (System.nanoTime() - started) / 1_000_000);
    }

    private static List<String> strings(Object array) {
        if (array == null) {
            return List.of();
        }
        Object[] values = array instanceof Object[] objects ? objects : new Object[0];
        return Arrays.stream(values).filter(java.util.Objects::nonNull).map(String::valueOf).toList();
    }
}
