package com.nemorouter.console.ui;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

import com.nemorouter.console.request.Request;

import javafx.beans.property.ReadOnlyBooleanProperty;

/**
 * The one way screens run work that may block (database calls). Work runs off the FX thread;
 * {@code onSuccess} and {@code onFailure} run on the thread that owns the UI state (the FX thread in
 * the application, the calling thread in tests). Every run is a {@link Request}: the handle that cancels it,
 * on the server too. A view model that wants only its latest request answered runs through a {@link Latest}.
 */
public interface TaskRunner {

    /**
     * Starts {@code work} as a new request. A request cancelled before it ends delivers its failure as
     * {@link java.util.concurrent.CancellationException} (see {@link Request#call}).
     *
     * @return the request's handle; {@link Request#cancel()} stops its statements on the server
     */
    <T> Request run(String description, Callable<T> work, Consumer<? super T> onSuccess, Consumer<Throwable> onFailure);

    /**
     * "Cancel everything" (the status bar's Cancel): cancels every request started here that has not finished.
     *
     * @return how many requests were cancelled
     */
    int cancelAll();

    /** True while at least one task is running; observed by the status bar's progress indicator. */
    ReadOnlyBooleanProperty busyProperty();

    /** Description of the most recently started task that is still running, or empty. */
    javafx.beans.property.ReadOnlyStringProperty currentTaskProperty();
}
