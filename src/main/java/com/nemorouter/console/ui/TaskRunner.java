package com.nemorouter.console.ui;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

import javafx.beans.property.ReadOnlyBooleanProperty;

/**
 * The one way screens run work that may block (database calls). Work runs off the FX thread;
 * {@code onSuccess} and {@code onFailure} run on the thread that owns the UI state (the FX thread in
 * the application, the calling thread in tests).
 */
public interface TaskRunner {

    <T> void run(String description, Callable<T> work, Consumer<? super T> onSuccess, Consumer<Throwable> onFailure);

    /** True while at least one task is running; observed by the status bar's progress indicator. */
    ReadOnlyBooleanProperty busyProperty();

    /** Description of the most recently started task that is still running, or empty. */
    javafx.beans.property.ReadOnlyStringProperty currentTaskProperty();
}
