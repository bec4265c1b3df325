package com.nemorouter.console.integrity;

import java.util.concurrent.CancellationException;

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

    /** A cancelled statement surfaces as a database error; report it as what it is. */
    RuntimeException translate(RuntimeException failure) {
        return cancelled ? new CancellationException("cancelled") : failure;
    }
}
