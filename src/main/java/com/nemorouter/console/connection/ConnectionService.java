package com.nemorouter.console.connection;

import java.util.Optional;

/** Facts about the open connection. Each method is one read transaction on a background thread. */
public final class ConnectionService {

    private final Database database;

    /** What {@link #describe} reads; {@code tlsVersion} is empty when the session is not encrypted. */
    private record Server(String version, String role, boolean encrypted, String tlsVersion) {
    }

    /** What {@link #writeAccess} reads about the session before the privileges. */
    private record SessionState(boolean readOnlyDefault, boolean inRecovery, String role) {
    }

    public ConnectionService(Database database) {
        this.database = database;
    }

    /**
     * Sends a cancel request for every statement running on this connection's pool. Not a transaction and
     * no pooled connection: call it from a thread that is not waiting for one of those statements.
     *
     * @return how many running transactions were asked to cancel
     */
    public int cancelRunning() {
        return database.cancelRunning();
    }

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
        return database.read(em -> {
            Server server = SqlRows.select(em, """
                    select current_setting('server_version'), current_user,
                           coalesce(s.ssl, false), coalesce(s.version, '')
                    from (select 1) one
                    left join pg_stat_ssl s on s.pid = pg_backend_pid()
                    """, Server.class).getSingleResult();
            ConnectionTarget target = database.target();
            return new ServerInfo(target.displayName(), "PostgreSQL " + server.version(), server.role(), target.isDemo(),
                    server.encrypted(), server.encrypted() && target.sslMode().verifiesCertificate(), server.tlsVersion());
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
        SessionState session = database.read(em -> SqlRows.select(em,
                "select current_setting('default_transaction_read_only') = 'on', pg_is_in_recovery(), "
                        + "cast(current_user as text)", SessionState.class).getSingleResult());
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
