package com.nemorouter.console.integrity;

import java.util.concurrent.CancellationException;
import java.util.function.Function;

import com.nemorouter.console.connection.Database;

import jakarta.persistence.EntityManager;

/**
 * Lets the user stop a long read. The service running the read records its server process id here;
 * {@link AuditService#cancel} and {@link LocateService#cancel} then ask the server to cancel the running
 * statement ({@code pg_cancel_backend}), so the scan stops on the server, not just in the window.
 * Thread-safe: the read runs on one background thread, the cancel on another.
 */
public final class QueryCancellation {

    private volatile boolean cancelled;
    private volatile Integer backendPid;

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
