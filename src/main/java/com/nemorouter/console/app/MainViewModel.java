package com.nemorouter.console.app;

import com.nemorouter.console.connection.ConnectionProfile;
import com.nemorouter.console.connection.ConnectionService;
import com.nemorouter.console.connection.FailureMessages;
import com.nemorouter.console.connection.SchemaReport;
import com.nemorouter.console.connection.ServerInfo;
import com.nemorouter.console.ui.TaskRunner;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;

/**
 * The window shell: what is connected and how (TLS), the server version, progress with Cancel, the last
 * failure, the schema contract's warning, and the lost-connection banner with Retry.
 */
public final class MainViewModel {

    private final TaskRunner tasks;
    private final ReadOnlyStringWrapper connection = new ReadOnlyStringWrapper("Not connected");
    private final ReadOnlyStringWrapper serverVersion = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper failure = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<ServerInfo> serverInfo = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper tls = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper encrypted = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper verified = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper schemaWarning = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper connectionLost = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper lostMessage = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper bannerText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper bannerColour = new ReadOnlyStringWrapper("#5d6677");
    private ConnectionService connectionService;
    private Runnable reload = () -> { };
    private final ReadOnlyStringWrapper readOnly = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper readOnlyReason = new ReadOnlyStringWrapper("");
    private final BooleanProperty readOnlySwitch = new SimpleBooleanProperty(false);
    private final ReadOnlyBooleanWrapper readOnlyFixed = new ReadOnlyBooleanWrapper(true);

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

    /**
     * The connection is open: Retry, Cancel and the read-only toggle work from now on, the status bar shows
     * the read-only state, and {@code reload} refreshes the screens.
     */
    public void attach(ConnectionService service, SchemaReport report, Runnable reloadScreens) {
        this.connectionService = service;
        this.reload = reloadScreens;
        schemaWarning.set(report.summary());
        readOnlyFixed.set(service.readOnlyFixed());
        readOnlySwitch.set(service.readOnlyReason().isPresent());
        showReadOnly();
    }

    /** The profile's banner across the window (e.g. a red PRODUCTION bar); null for none. */
    public void showProfile(ConnectionProfile profile) {
        bannerText.set(profile == null ? "" : profile.label());
        bannerColour.set(profile == null ? "#5d6677" : profile.colour());
    }

    public void connected(ServerInfo info) {
        connection.set((info.demo() ? "Demo: " : "Connected: ") + info.target());
        serverVersion.set(info.serverVersion() + " · role " + info.databaseRole());
        serverInfo.set(info);
        tls.set(info.tlsDescription());
        encrypted.set(info.encrypted());
        verified.set(info.verified());
    }

    private void showReadOnly() {
        String reason = connectionService.readOnlyReason().map(why -> "Read-only: " + why).orElse("");
        readOnlyReason.set(reason);
        readOnly.set(reason); // the view puts the lock glyph (ui/Icons) before it
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

    /**
     * Switching to another connection failed: the current one stays (the status bar keeps naming it, and
     * About keeps its server) and the failure says so.
     */
    public void switchFailed(String target, Throwable cause) {
        failure.set(FailureMessages.describe("Connecting to " + target, cause)
                + " Still connected to " + serverInfo.get().target() + ".");
    }

    public void reportFailure(String message) {
        failure.set(message);
    }

    /** Any task found the database gone: show the banner (the task reports its own outcome). */
    public void connectionLost(Throwable cause) {
        connectionLost.set(true);
        lostMessage.set(FailureMessages.describe("The last action", cause));
    }

    /** Checks the connection again; on success hides the banner and reloads what the screens show. */
    public void retry() {
        if (connectionService == null) {
            return;
        }
        lostMessage.set("Reconnecting…");
        tasks.run("Reconnecting", connectionService::describe, info -> {
            connectionLost.set(false);
            lostMessage.set("");
            failure.set("");
            connected(info);
            reload.run();
        }, retryFailure -> lostMessage.set(FailureMessages.describe("Reconnecting", retryFailure)));
    }

    /**
     * "Cancel everything": cancels every request the console is running; the task runner sends PostgreSQL's
     * cancel request for their statements on its control lane, so this returns at once.
     */
    public void cancelRunning() {
        int cancelled = tasks.cancelAll();
        failure.set(cancelled == 0 ? "Nothing was running on the server." : "Cancelled.");
    }

    public ReadOnlyStringProperty bannerTextProperty() {
        return bannerText.getReadOnlyProperty();
    }

    /** Always {@code #rrggbb}: {@link ConnectionProfile} validates it. */
    public ReadOnlyStringProperty bannerColourProperty() {
        return bannerColour.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty connectionProperty() {
        return connection.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty serverVersionProperty() {
        return serverVersion.getReadOnlyProperty();
    }

    /** The open connection's server facts, or null before connecting; the About dialog shows them. */
    public ReadOnlyObjectProperty<ServerInfo> serverInfoProperty() {
        return serverInfo.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty failureProperty() {
        return failure.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty tlsProperty() {
        return tls.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty encryptedProperty() {
        return encrypted.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty verifiedProperty() {
        return verified.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty schemaWarningProperty() {
        return schemaWarning.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty connectionLostProperty() {
        return connectionLost.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty lostMessageProperty() {
        return lostMessage.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return tasks.busyProperty();
    }

    public ReadOnlyStringProperty currentTaskProperty() {
        return tasks.currentTaskProperty();
    }
}
