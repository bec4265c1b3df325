package com.nemorouter.console.app;

import com.nemorouter.console.connection.ServerInfo;
import com.nemorouter.console.ui.TaskRunner;
import com.nemorouter.console.connection.FailureMessages;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/** The window shell: what is connected, the server version, progress, and the last failure. */
public final class MainViewModel {

    private final TaskRunner tasks;
    private final ReadOnlyStringWrapper connection = new ReadOnlyStringWrapper("Not connected");
    private final ReadOnlyStringWrapper serverVersion = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper failure = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper readOnly = new ReadOnlyStringWrapper("");

    public MainViewModel(TaskRunner tasks) {
        this.tasks = tasks;
    }

    public void connecting(String what) {
        connection.set("Connecting to " + what + "…");
        failure.set("");
    }

    public void connected(ServerInfo info) {
        connection.set((info.demo() ? "Demo: " : "Connected: ") + info.target());
        serverVersion.set(info.serverVersion() + " · role " + info.databaseRole());
    }

    /** @param reason why the connection is read-only, or null when it may write */
    public void readOnly(String reason) {
        readOnly.set(reason == null ? "" : "🔒 Read-only: " + reason);
    }

    public ReadOnlyStringProperty readOnlyProperty() {
        return readOnly.getReadOnlyProperty();
    }

    public void connectionFailed(Throwable cause) {
        connection.set("Not connected");
        failure.set(FailureMessages.describe("Connecting", cause));
    }

    public void reportFailure(String message) {
        failure.set(message);
    }

    public ReadOnlyStringProperty connectionProperty() {
        return connection.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty serverVersionProperty() {
        return serverVersion.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty failureProperty() {
        return failure.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return tasks.busyProperty();
    }

    public ReadOnlyStringProperty currentTaskProperty() {
        return tasks.currentTaskProperty();
    }
}
