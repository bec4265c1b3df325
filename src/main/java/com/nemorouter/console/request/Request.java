package com.nemorouter.console.request;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One piece of background work the user may cancel: the handle {@code ui.TaskRunner#run} returns. While the
 * work runs, the request is bound to its thread ({@link #call}); the database registers every connection it
 * runs a transaction on with the current request ({@link #register}), so {@link #cancel} knows exactly which
 * statements to stop and sends PostgreSQL's cancel request for them. That request goes on its own socket,
 * sent by the {@code control} executor: it never waits for a pooled connection or a worker, which may all be
 * busy with the very statements being cancelled.
 *
 * <p>Thread-safe: the work runs on a worker thread, cancel comes from the UI thread.
 */
public final class Request {

    /** How a registered resource is stopped, e.g. pgjdbc's {@code PGConnection::cancelQuery}. */
    @FunctionalInterface
    public interface Canceller {
        void cancel() throws Exception;
    }

    /** Ends a registration: after {@link #close()} returns, no cancel is sent for it any more. */
    public interface Registration extends AutoCloseable {
        @Override
        void close();
    }

    private static final Logger LOG = LoggerFactory.getLogger(Request.class);
    private static final ThreadLocal<Request> CURRENT = new ThreadLocal<>();
    private static final Registration NONE = () -> { };

    private final String description;
    private final Executor control;
    private final Set<Entry> registered = ConcurrentHashMap.newKeySet();
    private volatile boolean cancelled;

    /**
     * @param control where cancel requests are sent from: a thread of its own in the window, the calling
     *                thread in tests and on the command line
     */
    public Request(String description, Executor control) {
        this.description = description;
        this.control = control;
    }

    /** The request the calling thread works for, or null outside any (the command line, tests). */
    public static Request current() {
        return CURRENT.get();
    }

    /**
     * Runs {@code work} on the calling thread as part of this request. Work that starts after a cancel does
     * not run, and work that fails after a cancel (a statement stopped with SQLSTATE 57014, a pool wait cut
     * short) fails as {@link CancellationException}, with the database's failure as its cause.
     */
    public <T> T call(Callable<T> work) throws Exception {
        Request outer = CURRENT.get();
        CURRENT.set(this);
        try {
            throwIfCancelled();
            return work.call();
        } catch (Exception failure) {
            if (cancelled && !(failure instanceof CancellationException)) {
                CancellationException cancellation = new CancellationException(description + " was cancelled");
                cancellation.initCause(failure);
                throw cancellation;
            }
            throw failure;
        } finally {
            if (outer == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(outer);
            }
        }
    }

    /**
     * {@code work} as a task for another thread (a parallel helper of this request's work) that runs as part
     * of the calling thread's current request, so cancelling it stops the helper's statements too.
     */
    public static <T> Callable<T> propagating(Callable<T> work) {
        Request request = CURRENT.get();
        return request == null ? work : () -> request.call(work);
    }

    /**
     * Registers {@code canceller} with the calling thread's current request until the registration closes;
     * a no-op outside any request.
     *
     * @throws CancellationException when the request was already cancelled: its next transaction must not start
     */
    public static Registration register(Canceller canceller) {
        Request request = CURRENT.get();
        return request == null ? NONE : request.add(canceller);
    }

    /** Throws {@link CancellationException} if the calling thread's current request was cancelled. */
    public static void checkpoint() {
        Request request = CURRENT.get();
        if (request != null) {
            request.throwIfCancelled();
        }
    }

    private Registration add(Canceller canceller) {
        Entry entry = new Entry(canceller);
        registered.add(entry);
        // Checked after adding: either cancel() sees the entry, or this sees the flag (or both, harmlessly).
        if (cancelled) {
            entry.close();
            throw new CancellationException(description + " was cancelled");
        }
        return entry;
    }

    private void throwIfCancelled() {
        if (cancelled) {
            throw new CancellationException(description + " was cancelled");
        }
    }

    /** Cancels each of {@code requests} (the task runners' "Cancel everything"); returns how many. */
    public static int cancelAll(Collection<Request> requests) {
        int cancelled = 0;
        for (Request request : requests) {
            request.cancel();
            cancelled++;
        }
        return cancelled;
    }

    /**
     * Cancels the request: work not yet started never runs, and every statement it is running now is sent
     * PostgreSQL's cancel request (from the control executor). Idempotent.
     *
     * @return how many running statements (transactions) are being sent a cancel request
     */
    public int cancel() {
        cancelled = true;
        List<Entry> running = List.copyOf(registered);
        for (Entry entry : running) {
            try {
                control.execute(entry::send);
            } catch (RejectedExecutionException e) {
                // The window is closing and its control lane with it; the pool closes the connections anyway.
                LOG.debug("Cancel request for {} not sent: {}", description, e.toString());
            }
        }
        return running.size();
    }

    public boolean isCancelled() {
        return cancelled;
    }

    public String description() {
        return description;
    }

    @Override
    public String toString() {
        return description + (cancelled ? " (cancelled)" : "");
    }

    /**
     * One registered connection. {@link #send} and {@link #close} exclude each other, so once the transaction
     * has unregistered (before its connection goes back to the pool), no late cancel can reach the next
     * borrower's statement.
     */
    private final class Entry implements Registration {

        private final Canceller canceller;
        private boolean closed;

        Entry(Canceller canceller) {
            this.canceller = canceller;
        }

        synchronized void send() {
            if (closed) {
                return;
            }
            try {
                canceller.cancel();
            } catch (Exception e) {
                LOG.warn("Cancel request for {} failed: {}", description, e.getMessage());
            }
        }

        @Override
        public synchronized void close() {
            closed = true;
            registered.remove(this);
        }
    }
}
