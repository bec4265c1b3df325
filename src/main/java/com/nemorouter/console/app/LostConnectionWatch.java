package com.nemorouter.console.app;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

import com.nemorouter.console.connection.FailureMessages;
import com.nemorouter.console.request.Request;
import com.nemorouter.console.ui.TaskRunner;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;

/**
 * A task runner that tells the window when any task found the database gone, so one banner with Retry
 * covers every screen; each screen still reports its own failure as before.
 */
final class LostConnectionWatch implements TaskRunner {

    private final TaskRunner delegate;
    private final Consumer<Throwable> onLost;

    LostConnectionWatch(TaskRunner delegate, Consumer<Throwable> onLost) {
        this.delegate = delegate;
        this.onLost = onLost;
    }

    @Override
    public <T> Request run(String description, Callable<T> work, Consumer<? super T> onSuccess,
                           Consumer<Throwable> onFailure) {
        return delegate.run(description, work, onSuccess, failure -> {
            if (FailureMessages.isConnectionLost(failure)) {
                onLost.accept(failure);
            }
            onFailure.accept(failure);
        });
    }

    @Override
    public int cancelAll() {
        return delegate.cancelAll();
    }

    @Override
    public ReadOnlyBooleanProperty busyProperty() {
        return delegate.busyProperty();
    }

    @Override
    public ReadOnlyStringProperty currentTaskProperty() {
        return delegate.currentTaskProperty();
    }
}
