package com.nemorouter.console.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.nemorouter.console.connection.SchemaNames;
import com.nemorouter.console.presence.PresenceEntry;

/**
 * The presence part of the floors (org and member screens, locate): the catalog of the three schemas'
 * columns, read once like the console's, and the count of an id in each column in one statement. It is
 * written apart from {@code presence.PresenceQuery} on purpose, in plain JDBC; BenchmarkTest holds the two
 * to the same rows.
 */
final class PresenceFloor {

    record Column(String schema, String table, String column, String type, long estimatedRows, boolean indexed,
                  boolean userReference) {
        String key() {
            return schema + "." + table + "." + column;
        }
    }

    private final FloorJdbc jdbc;
    private final SchemaNames schemas;
    private final long unindexedScanLimit;
    private final long cheapScanLimit;
    private volatile List<Column> catalog;

    /** @param cheapScanLimit the estimate from which the screens' first read leaves an unindexed column pending */
    PresenceFloor(FloorJdbc jdbc, SchemaNames schemas, long unindexedScanLimit, long cheapScanLimit) {
        this.jdbc = jdbc;
        this.schemas = schemas;
        this.unindexedScanLimit = unindexedScanLimit;
        this.cheapScanLimit = cheapScanLimit;
    }

    /** Every column of the three schemas as {@code schema.table.column}: what "complete" means for locate. */
    Set<String> allColumnKeys() {
        try (Connection connection = jdbc.dataSource().getConnection()) {
            return Set.copyOf(catalog(connection).stream().map(Column::key).toList());
        } catch (SQLException e) {
            throw new IllegalStateException("catalog read failed: " + e.getMessage(), e);
        }
    }

    /**
     * How many rows of each column hold the id (or email), in one statement, as the console's presence and
     * locate count them: a large unindexed column is skipped (-1) unless it is in {@code scanAnyway}.
     */
    List<List<String>> counts(Connection connection, List<Column> columns, String id, String uuid,
                              String upper, Set<String> scanAnyway) throws SQLException {
        return counts(connection, columns, id, uuid, upper, scanAnyway, false);
    }

    /**
     * @param cheapOnly count only what the screens' first read counts: an unindexed column on a table of
     *                  {@code cheapScanLimit} rows or more is left pending (-3), as the console's first read does
     */
    List<List<String>> counts(Connection connection, List<Column> columns, String id, String uuid,
                              String upper, Set<String> scanAnyway, boolean cheapOnly) throws SQLException {
        List<List<String>> result = new ArrayList<>();
        StringBuilder sql = new StringBuilder();
        List<Object> parameters = new ArrayList<>();
        long[] counts = new long[columns.size()];
        for (int i = 0; i < columns.size(); i++) {
            Column column = columns.get(i);
            if (column.type().equals("uuid") && uuid == null) {
                continue;
            }
            if (!column.indexed() && column.estimatedRows() >= unindexedScanLimit && !scanAnyway.contains(column.key())) {
                counts[i] = -1;
                continue;
            }
            if (cheapOnly && !column.indexed() && column.estimatedRows() >= cheapScanLimit) {
                counts[i] = PresenceEntry.PENDING;
                continue;
            }
            sql.append(sql.isEmpty() ? "" : " union all ").append("select ").append(i).append(", count(*) from ")
                    .append(SchemaNames.placeholder(column.schema())).append('.').append(quote(column.table())).append(" where ");
            String quoted = quote(column.column());
            if (column.column().equals("user_email") || column.column().equals("email")) {
                sql.append("lower(").append(quoted).append(") = lower(cast(? as text))");
                parameters.add(id);
            } else if (column.column().equals("object_id") && column.table().equals("LiteLLM_AuditLog")) {
                // The console's own membership audit rows name <org or team id>/<user id>.
                sql.append('(').append(quoted).append(" = cast(? as text) or starts_with(").append(quoted)
                        .append(", cast(? as text) || '/') or right(").append(quoted)
                        .append(", length(cast(? as text)) + 1) = '/' || cast(? as text))");
                parameters.addAll(List.of(id, id, id, id));
            } else if (column.type().equals("uuid")) {
                sql.append(quoted).append(" = cast(? as uuid)");
                parameters.add(uuid);
            } else if (column.type().equals("uuid[]")) {
                sql.append(quoted).append(" @> array[cast(? as uuid)]");
                parameters.add(uuid);
            } else if (column.type().equals("character varying[]")) {
                sql.append("cast(").append(quoted).append(" as text[])")
                        .append(upper != null ? " && array[cast(? as text), cast(? as text)]" : " && array[cast(? as text)]");
                parameters.add(id);
                if (upper != null) {
                    parameters.add(upper);
                }
            } else if (column.type().equals("jsonb")) {
                sql.append("jsonb_typeof(").append(quoted).append(") = 'array' and (").append(quoted)
                        .append(" @> jsonb_build_array(jsonb_build_object('user_id', cast(? as text)))");
                parameters.add(id);
                if (upper != null) {
                    sql.append(" or ").append(quoted).append(" @> jsonb_build_array(jsonb_build_object('user_id', cast(? as text)))");
                    parameters.add(upper);
                }
                sql.append(')');
            } else if (column.type().equals("text[]")) {
                sql.append(quoted).append(upper != null ? " && array[cast(? as text), cast(? as text)]" : " && array[cast(? as text)]");
                parameters.add(id);
                if (upper != null) {
                    parameters.add(upper);
                }
            } else {
                sql.append(quoted).append(upper != null ? " in (cast(? as text), cast(? as text))" : " = cast(? as text)");
                parameters.add(id);
                if (upper != null) {
                    parameters.add(upper);
                }
            }
        }
        if (!sql.isEmpty()) {
            for (List<String> row : jdbc.rows(connection, sql.toString(), parameters.toArray())) {
                counts[Integer.parseInt(row.get(0))] = Long.parseLong(row.get(1));
            }
        }
        for (int i = 0; i < columns.size(); i++) {
            result.add(List.of(columns.get(i).key(), Long.toString(counts[i])));
        }
        return result;
    }

    List<Column> organizationColumns(Connection connection) throws SQLException {
        return catalog(connection).stream()
                .filter(c -> scalar(c) && (c.column().equals("organization_id") || c.column().equals("org_id"))).toList();
    }

    List<Column> userColumns(Connection connection) throws SQLException {
        return catalog(connection).stream().filter(PresenceFloor::refersToUser).toList();
    }

    private static boolean scalar(Column c) {
        return c.type().equals("uuid") || c.type().equals("text") || c.type().startsWith("character varying");
    }

    private static boolean refersToUser(Column c) {
        return scalar(c) && c.column().equals("user_id")
                || scalar(c) && c.column().equals("user") && c.table().equals("LiteLLM_SpendLogs")
                || scalar(c) && c.column().equals("id") && c.schema().equals("auth") && c.table().equals("users")
                || c.type().equals("jsonb") && c.column().equals("members_with_roles");
    }

    /** Read once, like the console's catalog: which columns exist, their types, size estimates and indexes. */
    List<Column> catalog(Connection connection) throws SQLException {
        List<Column> cached = catalog;
        if (cached != null) {
            return cached;
        }
        List<Column> columns = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement("""
                select n.nspname, c.relname, a.attname, format_type(a.atttypid, a.atttypmod),
                       greatest(c.reltuples, 0)::bigint,
                       exists (select 1 from pg_index i where i.indrelid = c.oid and i.indkey[0] = a.attnum),
                       exists (select 1 from pg_constraint k
                               join pg_class rc on rc.oid = k.confrelid
                               join pg_namespace rn on rn.oid = rc.relnamespace
                               where k.conrelid = c.oid and k.contype = 'f' and k.conkey = array[a.attnum]
                                 and ((rn.nspname = ? and rc.relname = 'LiteLLM_UserTable')
                                      or (rn.nspname = ? and rc.relname = 'users')))
                from pg_attribute a
                join pg_class c on c.oid = a.attrelid
                join pg_namespace n on n.oid = c.relnamespace
                where n.nspname in (?, ?, ?) and c.relkind in ('r', 'p') and not c.relispartition
                  and a.attnum > 0 and not a.attisdropped
                """)) {
            statement.setString(1, schemas.litellm());
            statement.setString(2, schemas.auth());
            statement.setString(3, schemas.nemo());
            statement.setString(4, schemas.auth());
            statement.setString(5, schemas.litellm());
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    String physical = rows.getString(1);
                    String schema = physical.equals(schemas.nemo()) ? "nemo" : physical.equals(schemas.auth()) ? "auth" : "public";
                    columns.add(new Column(schema, rows.getString(2), rows.getString(3), rows.getString(4),
                            rows.getLong(5), rows.getBoolean(6), rows.getBoolean(7)));
                }
            }
        }
        // The console's order: Supabase's schemas first, then LiteLLM's.
        columns.sort(java.util.Comparator.comparing((Column c) -> c.schema().equals("public"))
                .thenComparing(Column::schema).thenComparing(Column::table).thenComparing(Column::column));
        catalog = List.copyOf(columns);
        return catalog;
    }

    private static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }
}
