package com.nemorouter.console.connection;

/** What the status bar says about the session: never the password. */
public record ServerInfo(String target, String serverVersion, String databaseRole, boolean demo) {
}
