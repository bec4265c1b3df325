package com.nemorouter.console.integrity;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import com.nemorouter.console.connection.Database;
import com.nemorouter.console.connection.RowSecurity;

import com.nemorouter.console.connection.SchemaNames;

import jakarta.persistence.EntityManager;

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
     * Runs every check in one read transaction (one consistent snapshot is what cron and CI want):
     * one statement per check plus one for the process id.
     */
    public AuditReport runAll(QueryCancellation cancellation) {
        return cancellation.read(database, em -> {
            List<CheckResult> results = new ArrayList<>();
            for (AuditCheck check : AuditCheck.values()) {
                cancellation.throwIfCancelled();
                String skipped = skipReason(check);
                results.add(skipped != null ? CheckResult.skipped(check, skipped) : execute(em, check));
            }
            return new AuditReport(results);
        });
    }

    /**
     * Why {@code check} must not run on this connection, or null: a table it reads is hidden by row-level
     * security, so it would report every hidden row as missing. Never a false finding.
     */
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
            // A catalog filter compares schema names as values: bound, since the rewrite never touches literals.
            query.setParameter("nemoSchema", SchemaNames.of(em).nemo());
        }
        List<Object[]> rows = query.getResultList();
        List<Finding> findings = new ArrayList<>();
        for (Object[] row : rows.subList(0, Math.min(rows.size(), FINDING_LIMIT))) {
            findings.add(new Finding(check.id(), Severity.parse((String) row[0]), (String) row[1], (String) row[2],
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
