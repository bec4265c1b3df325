package com.nemorouter.console.app;

import com.nemorouter.console.connection.ConnectionService;
import com.nemorouter.console.connection.ServerInfo;
import com.nemorouter.console.ui.TaskRunner;
import com.nemorouter.console.connection.FailureMessages;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;

/** The window shell: what is connected, the server version, progress, and the last failure. */
public final class MainViewModel {

    private final TaskRunner tasks;
    private final ReadOnlyStringWrapper connection = new ReadOnlyStringWrapper("Not connected");
    private final ReadOnlyStringWrapper serverVersion = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper failure = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper readOnly = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper readOnlyReason = new ReadOnlyStringWrapper("");
    private final BooleanProperty readOnlySwitch = new SimpleBooleanProperty(false);
    private final ReadOnlyBooleanWrapper readOnlyFixed = new ReadOnlyBooleanWrapper(true);
    private ConnectionService connectionService;

    public MainViewModel(TaskRunner tasks) {
        this.tasks = tasks;
        readOnlySwitch.addListener((observable, old, on) -> {
            if (connectionService != null && !connectionService.readOnlyFixed()) {
                connectionService.switchReadOnly(on);
                showReadOnly();
            }
        });
    }

    public void connecting(String what) {
        connection.set("Connecting to " + what + "…");
        failure.set("");
    }

    public void connected(ServerInfo info) {
        connection.set((info.demo() ? "Demo: " : "Connected: ") + info.target());
        serverVersion.set(info.serverVersion() + " · role " + info.databaseRole());
    }

    /** Shows the connection's read-only state and lets the toggle switch it (unless it is fixed). */
    public void editing(ConnectionService service) {
        connectionService = service;
        readOnlyFixed.set(service.readOnlyFixed());
        readOnlySwitch.set(service.readOnlyReason().isPresent());
        showReadOnly();
    }

    private void showReadOnly() {
        String reason = connectionService.readOnlyReason().map(why -> "Read-only: " + why).orElse("");
        readOnlyReason.set(reason);
        readOnly.set(reason.isEmpty() ? "" : "🔒 " + reason);
    }

    /** Why edits are off, e.g. {@code Read-only: started with --read-only}; empty when they are on. */
    public ReadOnlyStringProperty readOnlyReasonProperty() {
        return readOnlyReason.getReadOnlyProperty();
    }

    /** The window's read-only toggle. */
    public BooleanProperty readOnlySwitchProperty() {
        return readOnlySwitch;
    }

    /** True when the toggle cannot change anything (the connection opened read-only, or none is open). */
    public ReadOnlyBooleanProperty readOnlyFixedProperty() {
        return readOnlyFixed.getReadOnlyProperty();
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
