package com.nemorouter.console.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

import com.nemorouter.console.ui.TaskRunner;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/** Holds tasks until the test finishes them, in any order: for testing out-of-order results. */
public final class ManualTaskRunner implements TaskRunner {

    private final List<Runnable> pending = new ArrayList<>();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper current = new ReadOnlyStringWrapper("");

    @Override
    public <T> void run(String description, Callable<T> work, Consumer<? super T> onSuccess,
                        Consumer<Throwable> onFailure) {
        pending.add(() -> {
            T result;
            try {
                result = work.call();
            } catch (Exception e) {
                onFailure.accept(e);
                return;
            }
            onSuccess.accept(result);
        });
    }

    public int pendingCount() {
        return pending.size();
    }

    /** Runs the task that was started {@code index}-th among those still pending. */
    public void finish(int index) {
        pending.remove(index).run();
    }

    public void finishAll() {
        while (!pending.isEmpty()) {
            finish(0);
        }
    }

    @Override
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    @Override
    public ReadOnlyStringProperty currentTaskProperty() {
        return current.getReadOnlyProperty();
    }
}
