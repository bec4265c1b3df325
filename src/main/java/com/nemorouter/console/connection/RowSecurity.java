package com.nemorouter.console.connection;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Tables whose rows row-level security hides from the connected role. Supabase enables RLS on
 * {@code auth.users} and the other auth tables with no policy ({@code real-deployments.md}); a role that
 * neither owns the table nor has {@code BYPASSRLS} then reads zero rows without any error, and every
 * check joining the table would report false findings. Read from the catalog once per connection.
 *
 * @param role   the connected role
 * @param hidden the hidden tables, by the console's (default) schema name and the real one
 */
public record RowSecurity(String role, List<HiddenTable> hidden) {

    /**
     * @param family the console's name of the schema ({@code nemo}, {@code public}, {@code auth}): what its
     *               SQL writes
     * @param schema the schema's real name in this database
     */
    public record HiddenTable(String family, String schema, String table) {

        /** As the console's SQL names it, e.g. {@code auth.users} or {@code public."LiteLLM_UserTable"}. */
        public String defaultName() {
            return family + "." + SchemaNamesQuoting.quoteIfNeeded(table);
        }

        /** The real name, e.g. {@code auth.users}. */
        public String qualified() {
            return schema + "." + SchemaNamesQuoting.quoteIfNeeded(table);
        }
    }

    public static final RowSecurity NONE = new RowSecurity("", List.of());

    public RowSecurity {
        hidden = List.copyOf(hidden);
    }

    /**
     * One statement: tables in the three schemas with row-level security on that this role may SELECT but
     * is subject to (not a superuser, no BYPASSRLS, not the owner unless the table forces RLS on its owner)
     * and that have no permissive SELECT (or ALL) policy for PUBLIC or a role this role is a member of.
     */
    static RowSecurity read(Connection connection, SchemaNames schemas) throws SQLException {
        List<HiddenTable> hidden = new ArrayList<>();
        String role = "";
        try (PreparedStatement statement = connection.prepareStatement("""
                select n.nspname, c.relname, cast(current_user as text)
                from pg_class c
                join pg_namespace n on n.oid = c.relnamespace
                join pg_roles r on r.rolname = current_user
                where n.nspname = any(?)
                  and c.relkind in ('r', 'p') and c.relrowsecurity
                  and not r.rolsuper and not r.rolbypassrls
                  and (c.relforcerowsecurity or not pg_has_role(current_user, c.relowner, 'USAGE'))
                  and has_table_privilege(c.oid, 'SELECT')
                  and not exists (
                      select 1 from pg_policy p
                      where p.polrelid = c.oid and p.polpermissive and p.polcmd in ('r', '*')
                        and (0 = any(p.polroles)
                             or exists (select 1 from unnest(p.polroles) g(oid)
                                        where g.oid <> 0 and pg_has_role(current_user, g.oid, 'USAGE'))))
                order by 1, 2
                """)) {
            Array schemaArray = connection.createArrayOf("text",
                    new String[] {schemas.nemo(), schemas.litellm(), schemas.auth()});
            statement.setArray(1, schemaArray);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    String schema = rows.getString(1);
                    String family = schema.equals(schemas.auth()) ? "auth"
                            : schema.equals(schemas.nemo()) ? "nemo" : "public";
                    hidden.add(new HiddenTable(family, schema, rows.getString(2)));
                    role = rows.getString(3);
                }
            }
        }
        return new RowSecurity(role, hidden);
    }

    public boolean hidesAny() {
        return !hidden.isEmpty();
    }

    /** Whether {@code table} in the console's schema {@code family} is hidden. */
    public boolean hides(String family, String table) {
        return hidden.stream().anyMatch(h -> h.family().equals(family) && h.table().equals(table));
    }

    /** The hidden tables {@code sql} (written with default qualifiers) reads. */
    public List<HiddenTable> readBy(String sql) {
        return hidden.stream().filter(h -> sql.contains(h.defaultName())).toList();
    }

    /** Why a hidden table cannot be read, in one phrase. */
    public String reason(HiddenTable table) {
        return "row-level security hides the rows of " + table.qualified() + " from role " + role;
    }

    /** What {@code check} prints: each hidden table and the two fixes, as SQL for a DBA. */
    public List<String> lines() {
        List<String> lines = new ArrayList<>();
        for (HiddenTable table : hidden) {
            lines.add("row-level security: " + table.qualified() + " hides its rows from role " + role
                    + " (RLS is on, the role neither owns the table nor has BYPASSRLS, and no policy lets it read)");
        }
        if (!hidden.isEmpty()) {
            String quotedRole = SchemaNamesQuoting.quoteIfNeeded(role);
            lines.add("  fix, either (as a superuser): ALTER ROLE " + quotedRole + " BYPASSRLS;");
            for (HiddenTable table : hidden) {
                lines.add("  or a read policy: CREATE POLICY nemo_console_read ON " + table.qualified()
                        + " FOR SELECT TO " + quotedRole + " USING (true);");
            }
        }
        return lines;
    }
}
