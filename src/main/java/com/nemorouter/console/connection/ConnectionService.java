package com.nemorouter.console.connection;

/** Facts about the open connection; {@link #describe} is one read transaction on a background thread. */
public final class ConnectionService {

    private final Database database;

    public ConnectionService(Database database) {
        this.database = database;
    }

    /** Why the console may not write, or empty. No database work. */
    public java.util.Optional<String> readOnlyReason() {
        return database.readOnlyReason();
    }

    /** True when read-only mode came with the connection (flag or missing privilege) and cannot be switched off. */
    public boolean readOnlyFixed() {
        return database.readOnlyFixed();
    }

    /** The window's read-only toggle; takes effect from the next transaction. No database work. */
    public void switchReadOnly(boolean on) {
        database.switchReadOnly(on);
    }

    public ServerInfo describe() {
        return database.read(em -> {
            Object[] row = (Object[]) em.createNativeQuery(
                    "select current_setting('server_version'), current_user").getSingleResult();
            return new ServerInfo(database.target().displayName(), "PostgreSQL " + row[0], (String) row[1],
                    database.target().isDemo());
        });
    }
}
