package com.nemorouter.console.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.function.Consumer;

import com.nemorouter.console.request.Request;

/**
 * "The latest request wins" for one thing a view model shows (a list, a detail, a preview, an audit run).
 * {@link #run} starts a new generation: it cancels every request of the previous one, on the server too, and
 * a superseded request never delivers its result or its failure. {@link #follow} adds a follow-up step to the
 * current generation (counting the rows a search just listed, the next audit check) without superseding.
 *
 * <p>Confined to the thread that owns the UI state, like the view model holding it: the task runner delivers
 * there.
 */
public final class Latest {

    private final TaskRunner tasks;
    private Generation current;

    public Latest(TaskRunner tasks) {
        this.tasks = tasks;
    }

    /** Supersedes whatever runs here and starts {@code work}; only the new generation's answers are delivered. */
    public <T> Request run(String description, Callable<T> work, Consumer<? super T> onSuccess,
                           Consumer<Throwable> onFailure) {
        discard();
        current = new Generation();
        return start(current, description, work, onSuccess, onFailure);
    }

    /**
     * Runs {@code work} as part of the current generation (or a new one when there is none). After
     * {@link #cancel} it does not run: {@code onFailure} gets a {@link CancellationException} at once.
     */
    public <T> Request follow(String description, Callable<T> work, Consumer<? super T> onSuccess,
                              Consumer<Throwable> onFailure) {
        if (current == null) {
            current = new Generation();
        }
        if (current.cancelled) {
            Request refused = new Request(description, Runnable::run);
            refused.cancel();
            onFailure.accept(new CancellationException(description + " was cancelled"));
            return refused;
        }
        return start(current, description, work, onSuccess, onFailure);
    }

    /**
     * The user's Cancel: cancels the current generation's requests on the server; they stay current, so each
     * delivers its outcome (a {@link CancellationException} unless it had already finished).
     */
    public void cancel() {
        if (current != null) {
            current.cancel();
        }
    }

    /** Supersedes the current generation without starting another: cancelled, and never delivers. */
    public void discard() {
        Generation previous = current;
        current = null;
        if (previous != null) {
            previous.cancel();
        }
    }

    private <T> Request start(Generation generation, String description, Callable<T> work,
                              Consumer<? super T> onSuccess, Consumer<Throwable> onFailure) {
        Slot slot = new Slot();
        Request request = tasks.run(description, work, result -> {
            generation.finished(slot);
            if (current == generation) {
                onSuccess.accept(result);
            }
        }, failure -> {
            generation.finished(slot);
            if (current == generation) {
                onFailure.accept(failure);
            }
        });
        // A runner may deliver before run() returns (the same-thread runner does): then nothing is left to cancel.
        if (!slot.done) {
            slot.request = request;
            generation.running.add(slot);
        }
        return request;
    }

    /** The requests started by one {@link #run} and its follow-ups. */
    private static final class Generation {
        final List<Slot> running = new ArrayList<>();
        boolean cancelled;

        void finished(Slot slot) {
            slot.done = true;
            running.remove(slot);
        }

        void cancel() {
            cancelled = true;
            for (Slot slot : List.copyOf(running)) {
                slot.request.cancel();
            }
        }
    }

    private static final class Slot {
        Request request;
        boolean done;
    }
}
