package com.nemorouter.console.connection;

/** Facts about the open connection. One read transaction on a background thread. */
public final class ConnectionService {

    private final Database database;

    public ConnectionService(Database database) {
        this.database = database;
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
