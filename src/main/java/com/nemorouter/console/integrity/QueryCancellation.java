package com.nemorouter.console.integrity;

import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Pattern;

import com.nemorouter.console.connection.Database;

import jakarta.persistence.EntityManager;

import org.hibernate.Session;

/**
 * Lets the user stop a long read. The service running the read records its server process id here;
 * {@link AuditService#cancel} and {@link LocateService#cancel} then ask the server to cancel the running
 * statement ({@code pg_cancel_backend}), so the scan stops on the server, not just in the window.
 * Thread-safe: the read runs on one background thread, the cancel on another.
 */
public final class QueryCancellation {

    private volatile boolean cancelled;
    private volatile Integer backendPid;
    /** The parallel audit's other transactions, cancelled together with the first. */
    private final Set<Integer> workerPids = ConcurrentHashMap.newKeySet();
    private static final Pattern SNAPSHOT_ID = Pattern.compile("[0-9A-Fa-f-]+");

    public boolean isCancelled() {
        return cancelled;
    }

    /** Called inside the reading transaction before its long statements. */
    void attach(EntityManager em) {
        throwIfCancelled();
        backendPid = ((Number) em.createNativeQuery("select pg_backend_pid()").getSingleResult()).intValue();
    }

    void detach() {
        backendPid = null;
    }

    void throwIfCancelled() {
        if (cancelled) {
            throw new CancellationException("cancelled");
        }
    }

    /** Marks the work cancelled and cancels its running statement, in the caller's (other) transaction. */
    void cancel(EntityManager em) {
        cancelled = true;
        Integer pid = backendPid;
        if (pid != null) {
            em.createNativeQuery("select pg_cancel_backend(:pid)").setParameter("pid", pid).getSingleResult();
        }
        for (Integer worker : workerPids) {
            em.createNativeQuery("select pg_cancel_backend(:pid)").setParameter("pid", worker).getSingleResult();
        }
    }

    /**
     * Runs {@code work} in one read transaction of {@code database} that {@link #cancelOn} can stop on the
     * server. One extra statement (the process id).
     */
    <T> T read(Database database, Function<EntityManager, T> work) {
        return database.read(em -> {
            attach(em);
            try {
                return work.apply(em);
            } catch (RuntimeException e) {
                throw translate(e);
            } finally {
                detach();
            }
        });
    }

    /**
     * Like {@link #read}, in a repeatable-read transaction that sees {@code snapshot}, exported by the
     * transaction {@link #read} runs (so parallel checks read one consistent state). Its process id joins
     * the ones {@link #cancelOn} cancels. The set-up statements are utility commands on the connection,
     * sent before the first query as PostgreSQL requires.
     */
    <T> T readInSnapshot(Database database, String snapshot, Function<EntityManager, T> work) {
        if (!SNAPSHOT_ID.matcher(snapshot).matches()) {
            throw new IllegalArgumentException("not a snapshot id: " + snapshot);
        }
        return database.read(em -> {
            int pid = em.unwrap(Session.class).doReturningWork(jdbc -> {
                try (Statement statement = jdbc.createStatement()) {
                    statement.execute("set transaction isolation level repeatable read");
                    statement.execute("set transaction snapshot '" + snapshot + "'");
                    try (ResultSet rows = statement.executeQuery("select pg_backend_pid()")) {
                        rows.next();
                        return rows.getInt(1);
                    }
                }
            });
            workerPids.add(pid);
            try {
                throwIfCancelled();
                return work.apply(em);
            } catch (RuntimeException e) {
                throw translate(e);
            } finally {
                workerPids.remove(pid);
            }
        });
    }

    /** Cancels what {@link #read} is running, from another thread, in a transaction of its own. */
    void cancelOn(Database database) {
        database.read(em -> {
            cancel(em);
            return null;
        });
    }

    /** A cancelled statement surfaces as a database error; report it as what it is. */
    RuntimeException translate(RuntimeException failure) {
        return cancelled ? new CancellationException("cancelled") : failure;
    }
}
