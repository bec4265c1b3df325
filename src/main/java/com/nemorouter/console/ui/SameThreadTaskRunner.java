package com.nemorouter.console.ui;

import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import com.nemorouter.console.request.Request;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * Runs work immediately on the calling thread: ViewModel tests see results without waiting. Cancel requests
 * are sent from the thread that cancels (another one, since this one is busy with the work).
 */
public final class SameThreadTaskRunner implements TaskRunner {

    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper currentTask = new ReadOnlyStringWrapper("");
    private final Set<Request> live = ConcurrentHashMap.newKeySet();

    @Override
    public <T> Request run(String description, Callable<T> work, Consumer<? super T> onSuccess,
                           Consumer<Throwable> onFailure) {
        Request request = new Request(description, Runnable::run);
        live.add(request);
        T result;
        try {
            result = request.call(work);
        } catch (Exception failure) {
            live.remove(request);
            onFailure.accept(failure);
            return request;
        }
        live.remove(request);
        onSuccess.accept(result);
        return request;
    }

    @Override
    public int cancelAll() {
        return Request.cancelAll(live);
    }

    @Override
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    @Override
    public ReadOnlyStringProperty currentTaskProperty() {
        return currentTask.getReadOnlyProperty();
    }
}
