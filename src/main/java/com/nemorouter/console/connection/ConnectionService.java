package com.nemorouter.console.connection;

import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Optional;

/**
 * Facts about the open connection. Each method is one read transaction on a background thread, over plain
 * JDBC ({@link Database#readJdbc}): {@code check} asks only these and the census, so it never starts Hibernate.
 */
public final class ConnectionService {

    private final Database database;

    /** What {@link #writeAccess} reads about the session before the privileges. */
    private record SessionState(boolean readOnlyDefault, boolean inRecovery, String role) {
    }

    public ConnectionService(Database database) {
        this.database = database;
    }

    /** Server version, role and whether the session is encrypted. One statement. */

    /** Why the console may not write, or empty. No database work. */
    public Optional<String> readOnlyReason() {
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

    /** Server version, role and whether the session is encrypted. One statement. */
    public ServerInfo describe() {
        return database.readJdbc(connection -> {
            try (Statement statement = connection.createStatement();
                 ResultSet row = statement.executeQuery("""
                    select current_setting('server_version'), current_user,
                           coalesce(s.ssl, false), coalesce(s.version, '')
                    from (select 1) one
                    left join pg_stat_ssl s on s.pid = pg_backend_pid()
                    """)) {
                row.next();
                ConnectionTarget target = database.target();
                boolean encrypted = row.getBoolean(3);
                return new ServerInfo(target.displayName(), "PostgreSQL " + row.getString(1), row.getString(2),
                        target.isDemo(), encrypted, encrypted && target.sslMode().verifiesCertificate(), row.getString(4));
            }
        });
    }

    /**
     * Whether the session may write the membership tables: read-only mode (flag, profile, missing privilege,
     * the window's toggle), the session default ({@code default_transaction_read_only}), a standby in
     * recovery, then the privileges an edit needs ({@link EditPrivileges}, the same check that switches a
     * connection read-only). At most two statements.
     */
    public WriteAccess writeAccess() {
        Optional<String> readOnly = database.readOnlyReason();
        if (readOnly.isPresent()) {
            return new WriteAccess(true, readOnly.get());
        }
        SessionState session = database.readJdbc(connection -> {
            try (Statement statement = connection.createStatement();
                 ResultSet row = statement.executeQuery(
                         "select current_setting('default_transaction_read_only') = 'on', pg_is_in_recovery(), "
                                 + "cast(current_user as text)")) {
                row.next();
                return new SessionState(row.getBoolean(1), row.getBoolean(2), row.getString(3));
            }
        });
        if (session.readOnlyDefault()) {
            return new WriteAccess(true, "the session is read-only: default_transaction_read_only is on");
        }
        if (session.inRecovery()) {
            return new WriteAccess(true, "the server is a standby in recovery");
        }
        return EditPrivileges.missing(database)
                .map(missing -> new WriteAccess(true, missing))
                .orElseGet(() -> new WriteAccess(false, "role " + session.role() + " may write the membership tables"));
    }
}
