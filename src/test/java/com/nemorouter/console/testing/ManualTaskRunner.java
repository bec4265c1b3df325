package com.nemorouter.console.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

import com.nemorouter.console.request.Request;
import com.nemorouter.console.ui.TaskRunner;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * Holds tasks until the test finishes them, in any order: for testing out-of-order results. A task runs as
 * its request when finished, so a cancelled one fails as cancelled, as in the window.
 */
public final class ManualTaskRunner implements TaskRunner {

    private final List<Pending> pending = new ArrayList<>();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper current = new ReadOnlyStringWrapper("");

    private record Pending(Request request, Runnable finish) {
    }

    @Override
    public <T> Request run(String description, Callable<T> work, Consumer<? super T> onSuccess,
                           Consumer<Throwable> onFailure) {
        Request request = new Request(description, Runnable::run);
        pending.add(new Pending(request, () -> {
            T result;
            try {
                result = request.call(work);
            } catch (Exception e) {
                onFailure.accept(e);
                return;
            }
            onSuccess.accept(result);
        }));
        return request;
    }

    public int pendingCount() {
        return pending.size();
    }

    /** The request of the task that was started {@code index}-th among those still pending. */
    public Request request(int index) {
        return pending.get(index).request();
    }

    /** Runs the task that was started {@code index}-th among those still pending. */
    public void finish(int index) {
        pending.remove(index).finish().run();
    }

    public void finishAll() {
        while (!pending.isEmpty()) {
            finish(0);
        }
    }

    @Override
    public int cancelAll() {
        pending.forEach(task -> task.request().cancel());
        return pending.size();
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
