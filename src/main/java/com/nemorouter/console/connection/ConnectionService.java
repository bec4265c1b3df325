package com.nemorouter.console.connection;

import java.util.Optional;

/** Facts about the open connection. Each method is one read transaction on a background thread. */
public final class ConnectionService {

    private final Database database;

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

    public ServerInfo describe() {
        return database.read(em -> {
            Object[] row = (Object[]) em.createNativeQuery("""
                    select current_setting('server_version'), current_user,
                           coalesce(s.ssl, false), coalesce(s.version, '')
                    from (select 1) one
                    left join pg_stat_ssl s on s.pid = pg_backend_pid()
                    """).getSingleResult();
            ConnectionTarget target = database.target();
            boolean encrypted = (Boolean) row[2];
            return new ServerInfo(target.displayName(), "PostgreSQL " + row[0], (String) row[1], target.isDemo(),
                    encrypted, encrypted && target.sslMode().verifiesCertificate(), (String) row[3]);
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
        Object[] session = database.read(em -> (Object[]) em.createNativeQuery(
                "select current_setting('default_transaction_read_only') = 'on', pg_is_in_recovery(), "
                        + "cast(current_user as text)").getSingleResult());
        if ((Boolean) session[0]) {
            return new WriteAccess(true, "the session is read-only: default_transaction_read_only is on");
        }
        if ((Boolean) session[1]) {
            return new WriteAccess(true, "the server is a standby in recovery");
        }
        return EditPrivileges.missing(database)
                .map(missing -> new WriteAccess(true, missing))
                .orElseGet(() -> new WriteAccess(false, "role " + session[2] + " may write the membership tables"));
    }
}
