package com.nemorouter.console.about;

import com.nemorouter.console.connection.ServerInfo;

import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;

/**
 * The About dialog: the versions of the console, Java and JavaFX, and the PostgreSQL server version
 * once a connection is open. It reads nothing itself: the server version comes from the window's
 * own {@code describe()} call, so opening the dialog costs no database work.
 */
public final class AboutViewModel {

    static final String NOT_CONNECTED = "not connected";

    private final Versions versions;
    private final ReadOnlyStringWrapper server = new ReadOnlyStringWrapper(NOT_CONNECTED);

    public AboutViewModel(Versions versions, ObservableValue<ServerInfo> serverInfo) {
        this.versions = versions;
        server.bind(serverInfo.map(info -> info.serverVersion() + " (" + info.target() + ")").orElse(NOT_CONNECTED));
    }

    public String appVersion() {
        return versions.app();
    }

    public String javaVersion() {
        return versions.java();
    }

    public String javafxVersion() {
        return versions.javafx();
    }

    public ReadOnlyStringProperty serverProperty() {
        return server.getReadOnlyProperty();
    }
}
