package com.nemorouter.console.presence;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

/**
 * Finds every table that can refer to an id from the catalog, then counts matches in one statement.
 * The catalog is read once per connection. Columns without an index are counted only on tables the
 * planner estimates below {@link #unindexedScanLimit} rows; larger ones (LiteLLM_SpendLogs, typically)
 * are reported as not searched instead of stalling the screen on a sequential scan.
 *
 * <p>Runs inside the caller's transaction; the caller is a service on a background thread.
 */
public final class PresenceQuery {

    public static final long DEFAULT_UNINDEXED_SCAN_LIMIT = 5_000_000L;

    private static final Set<String> SCHEMAS = Set.of("nemo", "auth", "public");

    private final long unindexedScanLimit;
    private volatile List<CatalogColumn> catalog;

    public PresenceQuery(long unindexedScanLimit) {
        this.unindexedScanLimit = unindexedScanLimit;
    }

    record CatalogColumn(String schema, String table, String column, String type, long estimatedRows,
                         boolean indexed) {
    }

    public PresenceReport find(EntityManager em, IdKind kind, String id) {
        List<CatalogColumn> columns = catalog(em).stream().filter(column -> refersTo(kind, column)).toList();
        Optional<UUID> uuid = Ids.asUuid(id);
        List<CatalogColumn> searched = new ArrayList<>();
        StringBuilder sql = new StringBuilder();
        for (CatalogColumn column : columns) {
            boolean uuidColumn = column.type().equals("uuid");
            if (uuidColumn && uuid.isEmpty()) {
                continue;
            }
            if (!column.indexed() && column.estimatedRows() >= unindexedScanLimit) {
                continue;
            }
            if (!sql.isEmpty()) {
                sql.append(" union all ");
            }
            sql.append("select ").append(searched.size()).append(" as idx, count(*) as n from ")
                    .append(quote(column.schema())).append('.').append(quote(column.table()))
                    .append(" where ").append(matchCondition(column));
            searched.add(column);
        }
        long[] counts = new long[searched.size()];
        if (!searched.isEmpty()) {
            Query query = em.createNativeQuery(sql.toString());
            if (sql.indexOf(":id") >= 0) {
                query.setParameter("id", id);
            }
            if (sql.indexOf(":uuid") >= 0) {
                query.setParameter("uuid", uuid.orElseThrow().toString());
            }
            for (Object row : query.getResultList()) {
                Object[] values = (Object[]) row;
                counts[((Number) values[0]).intValue()] = ((Number) values[1]).longValue();
            }
        }
        List<PresenceEntry> entries = new ArrayList<>();
        for (CatalogColumn column : columns) {
            int index = searched.indexOf(column);
            boolean uuidColumn = column.type().equals("uuid");
            if (index < 0 && uuidColumn) {
                // A non-UUID id cannot be in a uuid column: that is an answer, not a skipped search.
                entries.add(entry(kind, column, 0));
            } else {
                entries.add(entry(kind, column, index < 0 ? -1 : counts[index]));
            }
        }
        return new PresenceReport(kind, id, entries);
    }

    private PresenceEntry entry(IdKind kind, CatalogColumn column, long rows) {
        return new PresenceEntry(column.schema(), column.table(), column.column(), Side.ofSchema(column.schema()),
                roleOf(column), rows, column.estimatedRows(), isExpected(kind, column));
    }

    private static String matchCondition(CatalogColumn column) {
        String quoted = quote(column.column());
        return switch (column.type()) {
            case "uuid" -> quoted + " = cast(:uuid as uuid)";
            case "jsonb" -> "jsonb_typeof(" + quoted + ") = 'array' and " + quoted
                    + " @> jsonb_build_array(jsonb_build_object('user_id', cast(:id as text)))";
            case "text[]" -> "array_position(" + quoted + ", cast(:id as text)) is not null";
            default -> quoted + " = cast(:id as text)";
        };
    }

    static boolean refersTo(IdKind kind, CatalogColumn column) {
        String name = column.column();
        boolean scalar = column.type().equals("uuid") || column.type().equals("text")
                || column.type().startsWith("character varying");
        return switch (kind) {
            case ORGANIZATION -> scalar && (name.equals("organization_id") || name.equals("org_id"));
            case TEAM -> (scalar && name.equals("team_id"))
                    || (column.type().equals("text[]") && name.equals("teams"));
            case USER -> (scalar && name.equals("user_id"))
                    || (scalar && name.equals("user") && column.table().equals("LiteLLM_SpendLogs"))
                    || (scalar && name.equals("id") && column.schema().equals("auth") && column.table().equals("users"))
                    || (column.type().equals("jsonb") && name.equals("members_with_roles"));
        };
    }

    static boolean isExpected(IdKind kind, CatalogColumn column) {
        String key = column.schema() + "." + column.table() + "." + column.column();
        return switch (kind) {
            case ORGANIZATION -> key.equals("nemo.organizations.organization_id")
                    || key.equals("public.LiteLLM_OrganizationTable.organization_id");
            case TEAM -> key.equals("nemo.teams.team_id") || key.equals("public.LiteLLM_TeamTable.team_id");
            case USER -> key.equals("auth.users.id") || key.equals("public.LiteLLM_UserTable.user_id");
        };
    }

    /** A short word for what the table is to the id, for the presence view and locate. */
    static String roleOf(CatalogColumn column) {
        String table = column.table().toLowerCase(Locale.ROOT);
        if (table.contains("membership")) {
            return "membership";
        }
        if (table.contains("verificationtoken")) {
            return "key";
        }
        if (table.contains("spendlogs")) {
            return "spend";
        }
        if (table.contains("audit")) {
            return "audit";
        }
        if (table.equals("organizations") || table.equals("litellm_organizationtable")) {
            return "organization";
        }
        if (table.equals("teams") || table.equals("litellm_teamtable")) {
            return column.column().equals("team_id") ? "team" : "roster";
        }
        if (table.equals("users") || table.equals("litellm_usertable")) {
            return column.column().equals("teams") ? "user's teams" : "user";
        }
        return "feature";
    }

    private List<CatalogColumn> catalog(EntityManager em) {
        List<CatalogColumn> cached = catalog;
        if (cached == null) {
            cached = readCatalog(em);
            catalog = cached;
        }
        return cached;
    }

    @SuppressWarnings("unchecked")
    private static List<CatalogColumn> readCatalog(EntityManager em) {
        List<Object[]> rows = em.createNativeQuery("""
                select n.nspname, c.relname, a.attname, format_type(a.atttypid, a.atttypmod),
                       greatest(c.reltuples, 0)::bigint,
                       exists (select 1 from pg_index i where i.indrelid = c.oid and i.indkey[0] = a.attnum)
                from pg_attribute a
                join pg_class c on c.oid = a.attrelid
                join pg_namespace n on n.oid = c.relnamespace
                where n.nspname in ('nemo', 'auth', 'public')
                  and c.relkind in ('r', 'p') and not c.relispartition
                  and a.attnum > 0 and not a.attisdropped
                  and a.attname in ('organization_id', 'org_id', 'team_id', 'user_id', 'id', 'user',
                                    'members_with_roles', 'teams')
                order by n.nspname = 'public', n.nspname, c.relname, a.attname
                """).getResultList();
        List<CatalogColumn> columns = new ArrayList<>();
        for (Object[] row : rows) {
            String schema = (String) row[0];
            if (SCHEMAS.contains(schema)) {
                columns.add(new CatalogColumn(schema, (String) row[1], (String) row[2], (String) row[3],
                        ((Number) row[4]).longValue(), (Boolean) row[5]));
            }
        }
        return List.copyOf(columns);
    }

    private static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }
}
