package com.nemorouter.console.connection;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Facts about the open connection. Each method is one read transaction on a background thread. */
public final class ConnectionService {

    /** The tables a membership edit writes to: their privileges decide whether the session can edit. */
    static final List<String> MEMBERSHIP_TABLES = List.of("LiteLLM_OrganizationMembership",
            "LiteLLM_TeamMembership", "LiteLLM_TeamTable", "LiteLLM_UserTable");

    private final Database database;

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
     * Whether the session may write the membership tables: the session default
     * ({@code default_transaction_read_only}), a standby in recovery, and the role's privileges per table.
     * One statement.
     */
    public WriteAccess writeAccess() {
        String schema = database.target().schemas().litellm();
        Optional<String> readOnly = database.readOnlyReason();
        if (readOnly.isPresent()) {
            return new WriteAccess(true, readOnly.get());
        }
        return database.read(em -> {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("""
                    select current_setting('default_transaction_read_only') = 'on', pg_is_in_recovery(), current_user,
                           t.name, c.oid is not null,
                           coalesce(has_table_privilege(c.oid, 'INSERT'), false),
                           coalesce(has_table_privilege(c.oid, 'UPDATE'), false),
                           coalesce(has_table_privilege(c.oid, 'DELETE'), false)
                    from unnest(cast(:tables as text[])) with ordinality as t(name, position)
                    left join pg_class c on c.oid = to_regclass(format('%I.%I', cast(:schema as text), t.name))
                    order by t.position
                    """)
                    .setParameter("tables", MEMBERSHIP_TABLES.toArray(String[]::new))
                    .setParameter("schema", schema)
                    .getResultList();
            Object[] first = rows.get(0);
            if ((Boolean) first[0]) {
                return new WriteAccess(true, "the session is read-only: default_transaction_read_only is on");
            }
            if ((Boolean) first[1]) {
                return new WriteAccess(true, "the server is a standby in recovery");
            }
            String role = (String) first[2];
            List<String> lacking = new ArrayList<>();
            for (Object[] row : rows) {
                String table = (String) row[3];
                if (!(Boolean) row[4]) {
                    lacking.add(table + " is missing");
                    continue;
                }
                String[] privileges = {"INSERT", "UPDATE", "DELETE"};
                List<String> missing = new ArrayList<>();
                for (int i = 0; i < privileges.length; i++) {
                    if (!(Boolean) row[5 + i]) {
                        missing.add(privileges[i]);
                    }
                }
                if (!missing.isEmpty()) {
                    lacking.add("role " + role + " lacks " + String.join(", ", missing) + " on " + table);
                }
            }
            if (!lacking.isEmpty()) {
                return new WriteAccess(true, String.join("; ", lacking));
            }
            return new WriteAccess(false, "role " + role + " may write the membership tables");
        });
    }
}
