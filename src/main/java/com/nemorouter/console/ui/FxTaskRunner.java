package com.nemorouter.console.ui;

import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import com.nemorouter.console.request.Request;

import javafx.application.Platform;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs work on a small pool of daemon threads and hands results back on the FX thread. Cancel requests go
 * out on a control lane of their own (one more daemon thread): the workers may all be busy with the very
 * statements being cancelled, and a cancel request opens its own socket, so it must not wait on the FX thread.
 */
public final class FxTaskRunner implements TaskRunner, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(FxTaskRunner.class);

    private final ExecutorService executor;
    private final ExecutorService control;
    /** Requests started and not yet finished: what {@link #cancelAll} cancels. */
    private final Set<Request> live = ConcurrentHashMap.newKeySet();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper currentTask = new ReadOnlyStringWrapper("");
    private int running;

    public FxTaskRunner() {
        AtomicInteger counter = new AtomicInteger();
        // Two workers: one slow query (an org's presence) must not block typing in the search box.
        this.executor = Executors.newFixedThreadPool(2, runnable -> {
            Thread thread = new Thread(runnable, "nemo-db-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        this.control = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "nemo-cancel");
            thread.setDaemon(true);
            return thread;
        });
    }

    @Override
    public <T> Request run(String description, Callable<T> work, Consumer<? super T> onSuccess,
                           Consumer<Throwable> onFailure) {
        Request request = new Request(description, control);
        if (executor.isShutdown()) {
            // The window is closing; a debounce timer that fires now has no one left to answer.
            LOG.debug("{} not started: the console is shutting down", description);
            request.cancel();
            return request;
        }
        started(description);
        live.add(request);
        executor.execute(() -> {
            try {
                T result = request.call(work);
                live.remove(request);
                Platform.runLater(() -> {
                    finished();
                    onSuccess.accept(result);
                });
            } catch (Throwable failure) {
                live.remove(request);
                if (request.isCancelled()) {
                    // Superseded by a newer request or cancelled by the user: expected, not worth a warning.
                    LOG.debug("{} cancelled: {}", description, failure.toString());
                } else {
                    LOG.warn("{} failed: {}", description, failure.toString());
                    LOG.debug("{} failed", description, failure);
                }
                Platform.runLater(() -> {
                    finished();
                    onFailure.accept(failure);
                });
            }
        });
        return request;
    }

    @Override
    public int cancelAll() {
        return Request.cancelAll(live);
    }

    private void started(String description) {
        runOnFx(() -> {
            running++;
            busy.set(true);
            currentTask.set(description);
        });
    }

    private void finished() {
        running--;
        if (running == 0) {
            busy.set(false);
            currentTask.set("");
        }
    }

    private static void runOnFx(Runnable action) {
        if (Platform.isFxApplicationThread()) {
            action.run();
        } else {
            Platform.runLater(action);
        }
    }

    @Override
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    @Override
    public ReadOnlyStringProperty currentTaskProperty() {
        return currentTask.getReadOnlyProperty();
    }

    @Override
    public void close() {
        executor.shutdownNow();
        control.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
