package com.nemorouter.console.presence;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

import com.nemorouter.console.connection.RowSecurity;
import com.nemorouter.console.connection.SchemaNames;
import com.nemorouter.console.connection.SqlRows;
import com.nemorouter.console.persistence.litellm.Rosters;

import jakarta.persistence.EntityManager;

import org.hibernate.query.NativeQuery;

/**
 * Finds every table that can refer to an id from the catalog, then counts matches in one statement.
 * The catalog is read once per connection. Columns without an index are counted only on tables the
 * planner estimates below {@link #unindexedScanLimit} rows; larger ones (LiteLLM_SpendLogs, typically)
 * are reported as not searched instead of stalling the screen on a sequential scan.
 *
 * <p>A screen that wants to show something at once splits the count in two ({@link #findCheap}, then
 * {@link #findRest}): the <em>cheap</em> columns are those with an index (a lookup) or on a table the planner
 * estimates below {@link #cheapScanLimit} rows (a sequential scan of a few milliseconds); the rest are the
 * unindexed columns of large tables, each a sequential scan of the whole table (at 100k organizations
 * LiteLLM_OrganizationMembership.organization_id alone is two million rows). Together the two parts count
 * exactly what {@link #find} counts.
 *
 * <p>Runs inside the caller's transaction; the caller is a service on a background thread.
 */
public final class PresenceQuery {

    public static final long DEFAULT_UNINDEXED_SCAN_LIMIT = 5_000_000L;
    /**
     * Below this estimate an unindexed column is counted in the first read: 50,000 rows scan in a few
     * milliseconds (tens under load), about what the first read's indexed lookups cost together; above it a
     * scan costs more than everything else the screen shows first.
     */
    public static final long DEFAULT_CHEAP_SCAN_LIMIT = 50_000L;

    private final long unindexedScanLimit;
    private final long cheapScanLimit;
    /** Physical schema name to the console's name for it (nemo, auth, public); the same by default. */
    private final Map<String, String> logicalSchemas;
    /** Tables row-level security hides from this connection's role: never counted, reported as hidden. */
    private final RowSecurity rowSecurity;
    private volatile List<CatalogColumn> catalog;

    public PresenceQuery(long unindexedScanLimit) {
        this(unindexedScanLimit, "nemo", "auth", "public");
    }

    /**
     * For a database whose schemas are named differently (a profile's schema names). Tables are reported
     * under the console's names; the SQL it generates names their schemas by placeholder ({@code {nemo}.x}),
     * which the connection resolves to the real schemas.
     */
    public PresenceQuery(long unindexedScanLimit, String nemoSchema, String authSchema, String liteLlmSchema) {
        this(unindexedScanLimit, nemoSchema, authSchema, liteLlmSchema, RowSecurity.NONE);
    }

    /** @param rowSecurity the tables row-level security hides from the role (their counts would be zeros) */
    public PresenceQuery(long unindexedScanLimit, String nemoSchema, String authSchema, String liteLlmSchema,
                         RowSecurity rowSecurity) {
        this(unindexedScanLimit, DEFAULT_CHEAP_SCAN_LIMIT, nemoSchema, authSchema, liteLlmSchema, rowSecurity);
    }

    /**
     * @param cheapScanLimit the planner's estimate from which an unindexed column is left to {@link #findRest}
     *                       (0: every unindexed column is)
     */
    public PresenceQuery(long unindexedScanLimit, long cheapScanLimit, String nemoSchema, String authSchema,
                         String liteLlmSchema, RowSecurity rowSecurity) {
        this.unindexedScanLimit = unindexedScanLimit;
        this.cheapScanLimit = cheapScanLimit;
        this.logicalSchemas = Map.of(nemoSchema, "nemo", authSchema, "auth", liteLlmSchema, "public");
        this.rowSecurity = rowSecurity;
    }

    /** @param userReference the column has a foreign key to a user table (LiteLLM_UserTable or auth.users) */
    record CatalogColumn(String schema, String table, String column, String type, long estimatedRows,
                         boolean indexed, boolean userReference) {

        CatalogColumn(String schema, String table, String column, String type, long estimatedRows, boolean indexed) {
            this(schema, table, column, type, estimatedRows, indexed, false);
        }

        boolean isArray() {
            return type.equals("text[]") || type.equals("uuid[]") || type.equals("character varying[]");
        }
    }

    /** One line of {@link #count}'s union: the column's index in the list counted and its number of matching rows. */
    private record ColumnCount(int index, long matches) {
    }

    /** Every table that refers to the id, every count in one statement. */
    public PresenceReport find(EntityManager em, IdKind kind, String id) {
        return find(em, kind, id, Part.ALL);
    }

    /**
     * The cheap part of {@link #find}: the same entries, with the counts of large unindexed columns left
     * {@link PresenceEntry#PENDING} (not scanned). At most one statement.
     */
    public PresenceReport findCheap(EntityManager em, IdKind kind, String id) {
        return find(em, kind, id, Part.CHEAP);
    }

    /**
     * The rest of {@link #find}: only the entries {@link #findCheap} left pending, counted, in one statement
     * (none when nothing is pending). {@link PresenceReport#withCounts} puts them into the cheap report.
     */
    public PresenceReport findRest(EntityManager em, IdKind kind, String id) {
        return find(em, kind, id, Part.REST);
    }

    /** Which counts one read makes: all, only the cheap ones (the rest pending), or only the rest. */
    private enum Part { ALL, CHEAP, REST }

    private PresenceReport find(EntityManager em, IdKind kind, String id, Part part) {
        Optional<UUID> uuid = Ids.asUuid(id);
        String canonical = uuid.map(UUID::toString).orElse(null);
        List<CatalogColumn> columns = catalog(em).stream().filter(column -> ColumnRoles.refersTo(kind, column))
                .filter(column -> part != Part.REST || deferred(column, canonical))
                .toList();
        long[] counts = count(em, columns, id, canonical, null, Set.of(),
                part == Part.CHEAP ? column -> deferred(column, canonical) : column -> false);
        List<PresenceEntry> entries = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            CatalogColumn column = columns.get(i);
            entries.add(new PresenceEntry(column.schema(), column.table(), column.column(),
                    Side.ofSchema(column.schema()), ColumnRoles.roleOf(column), counts[i], column.estimatedRows(),
                    ColumnRoles.isExpected(kind, column)));
        }
        return new PresenceReport(kind, id, entries);
    }

    /**
     * Every column in any of the three schemas that can hold {@code text}, whatever the id names, in one
     * counting statement (plus the catalog read on first use). A UUID in any spelling is matched in its
     * canonical form and, in text columns, also in upper case (the usual non-canonical spelling); other
     * text is matched exactly as a user id, an email (case-insensitively, through the email indexes) or,
     * when it is a SHA-256 hex digest, a key.
     *
     * @param scanAnyway {@code schema.table.column} names to count even when they are unindexed and large
     */
    public List<PresenceEntry> locate(EntityManager em, String text, Set<String> scanAnyway) {
        Optional<UUID> uuid = Ids.asUuid(text);
        boolean keyHash = uuid.isEmpty() && Ids.isSha256Hex(text);
        List<CatalogColumn> columns = catalog(em).stream()
                .filter(column -> ColumnRoles.locateRole(column, uuid.isPresent(), keyHash) != null)
                .toList();
        String canonical = uuid.map(UUID::toString).orElse(null);
        String id = canonical != null ? canonical
                : keyHash ? text.strip().toLowerCase(Locale.ROOT) : text.strip();
        long[] counts = count(em, columns, id, canonical,
                canonical == null ? null : canonical.toUpperCase(Locale.ROOT), scanAnyway, column -> false);
        List<PresenceEntry> entries = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            CatalogColumn column = columns.get(i);
            entries.add(new PresenceEntry(column.schema(), column.table(), column.column(),
                    Side.ofSchema(column.schema()), ColumnRoles.locateRole(column, uuid.isPresent(), keyHash), counts[i],
                    column.estimatedRows(), false));
        }
        return List.copyOf(entries);
    }

    /**
     * Counts matches per column in one statement. Unindexed columns of tables the planner estimates
     * at {@link #unindexedScanLimit} rows or more are left out (count -1) unless named in
     * {@code scanAnyway}; a uuid column cannot hold a non-UUID, so it counts 0 without a scan.
     *
     * @param id    the text that text columns must equal
     * @param uuid  the canonical UUID for uuid columns, or null when the id is not a UUID
     * @param upper a second spelling text columns may hold, or null
     * @param defer columns that would be scanned but are left {@link PresenceEntry#PENDING} instead
     */
    private long[] count(EntityManager em, List<CatalogColumn> columns, String id, String uuid, String upper,
                         Set<String> scanAnyway, Predicate<CatalogColumn> defer) {
        long[] counts = new long[columns.size()];
        StringBuilder sql = new StringBuilder();
        for (int i = 0; i < columns.size(); i++) {
            CatalogColumn column = columns.get(i);
            Long unscanned = unscanned(column, uuid, scanAnyway);
            if (unscanned != null) {
                counts[i] = unscanned;
                continue;
            }
            if (defer.test(column)) {
                counts[i] = PresenceEntry.PENDING;
                continue;
            }
            if (!sql.isEmpty()) {
                sql.append(" union all ");
            }
            sql.append("select ").append(i).append(" as idx, count(*) as n from ")
                    .append(SchemaNames.placeholder(column.schema())).append('.').append(quote(column.table()))
                    .append(" where ").append(matchCondition(column, upper != null));
        }
        if (sql.isEmpty()) {
            return counts;
        }
        NativeQuery<ColumnCount> query = SqlRows.select(em, sql.toString(), ColumnCount.class);
        if (sql.indexOf(":id") >= 0) {
            query.setParameter("id", id);
        }
        if (sql.indexOf(":uuid") >= 0) {
            query.setParameter("uuid", uuid);
        }
        if (sql.indexOf(":upper") >= 0) {
            query.setParameter("upper", upper);
        }
        for (ColumnCount count : query.getResultList()) {
            counts[count.index()] = count.matches();
        }
        return counts;
    }

    /**
     * What {@link #count} reports for a column without reading it, or null when it reads it: hidden by row-level
     * security, 0 for a uuid column against a non-UUID (it cannot hold one), -1 for an unindexed column of a
     * table too large to scan unless {@code scanAnyway} names it.
     */
    private Long unscanned(CatalogColumn column, String uuid, Set<String> scanAnyway) {
        if (rowSecurity.hides(column.schema(), column.table())) {
            return PresenceEntry.HIDDEN;
        }
        if (column.type().equals("uuid") && uuid == null) {
            return 0L;
        }
        if (!column.indexed() && column.estimatedRows() >= unindexedScanLimit
                && !scanAnyway.contains(column.schema() + "." + column.table() + "." + column.column())) {
            return -1L;
        }
        return null;
    }

    /**
     * Whether {@link #findCheap} leaves the column to {@link #findRest}: a column {@link #count} reads that has
     * no index, on a table of {@link #cheapScanLimit} rows or more.
     */
    private boolean deferred(CatalogColumn column, String uuid) {
        return unscanned(column, uuid, Set.of()) == null && !column.indexed() && column.estimatedRows() >= cheapScanLimit;
    }

    private static String matchCondition(CatalogColumn column, boolean upper) {
        String quoted = quote(column.column());
        if (column.column().equals("user_email") || column.column().equals("email")) {
            // Matches the lower(email) expression indexes of both user tables.
            return "lower(" + quoted + ") = lower(cast(:id as text))";
        }
        if (column.column().equals("object_id") && column.table().equals("LiteLLM_AuditLog")) {
            // The console's membership rows use composite ids: <org or team id>/<user id>.
            return "(" + quoted + " = cast(:id as text) or starts_with(" + quoted + ", cast(:id as text) || '/')"
                    + " or right(" + quoted + ", length(cast(:id as text)) + 1) = '/' || cast(:id as text))";
        }
        return switch (column.type()) {
            case "uuid" -> quoted + " = cast(:uuid as uuid)";
            case "uuid[]" -> quoted + " @> array[cast(:uuid as uuid)]";
            case "character varying[]" -> "cast(" + quoted + " as text[]) && "
                    + (upper ? "array[cast(:id as text), cast(:upper as text)]" : "array[cast(:id as text)]");
            case "jsonb" -> Rosters.isArray(quoted) + " and (" + quoted
                    + " @> jsonb_build_array(jsonb_build_object('user_id', cast(:id as text)))"
                    + (upper ? " or " + quoted + " @> jsonb_build_array(jsonb_build_object('user_id', cast(:upper as text)))" : "")
                    + ")";
            case "text[]" -> quoted + " && " + (upper ? "array[cast(:id as text), cast(:upper as text)]" : "array[cast(:id as text)]");
            default -> quoted + (upper ? " in (cast(:id as text), cast(:upper as text))" : " = cast(:id as text)");
        };
    }

    private List<CatalogColumn> catalog(EntityManager em) {
        List<CatalogColumn> cached = catalog;
        if (cached == null) {
            cached = readCatalog(em);
            catalog = cached;
        }
        return cached;
    }

    private List<CatalogColumn> readCatalog(EntityManager em) {
        // Schema names are bound, never literals: the user tables a foreign key may point at.
        String liteLlmSchema = physical("public");
        String authSchema = physical("auth");
        List<CatalogColumn> rows = SqlRows.select(em, """
                select x.* from (
                    select n.nspname, c.relname, a.attname, format_type(a.atttypid, a.atttypmod) as type,
                           greatest(c.reltuples, 0)::bigint,
                           exists (select 1 from pg_index i where i.indrelid = c.oid and i.indkey[0] = a.attnum),
                           exists (select 1 from pg_constraint k
                                   join pg_class rc on rc.oid = k.confrelid
                                   join pg_namespace rn on rn.oid = rc.relnamespace
                                   where k.conrelid = c.oid and k.contype = 'f' and k.conkey = array[a.attnum]
                                     and ((rn.nspname = cast(:liteLlmSchema as text) and rc.relname = 'LiteLLM_UserTable')
                                          or (rn.nspname = cast(:authSchema as text) and rc.relname = 'users'))
                           ) as user_reference
                    from pg_attribute a
                    join pg_class c on c.oid = a.attrelid
                    join pg_namespace n on n.oid = c.relnamespace
                    where n.nspname in (:schemas)
                      and c.relkind in ('r', 'p') and not c.relispartition
                      and a.attnum > 0 and not a.attisdropped) x
                where x.attname in ('organization_id', 'org_id', 'team_id', 'user_id', 'id', 'user',
                                    'members_with_roles', 'teams', 'object_id', 'token', 'api_key',
                                    'user_email', 'email', 'created_by', 'updated_by')
                   or x.type in ('text[]', 'uuid[]', 'character varying[]')
                   or x.user_reference
                order by 1, 2, 3
                """, CatalogColumn.class).setParameter("schemas", List.copyOf(logicalSchemas.keySet()))
                .setParameter("liteLlmSchema", liteLlmSchema).setParameter("authSchema", authSchema)
                .getResultList();
        List<CatalogColumn> columns = new ArrayList<>();
        for (CatalogColumn row : rows) {
            // Rows name the physical schema; the console reports it under its own name.
            String schema = logicalSchemas.get(row.schema());
            if (schema != null) {
                columns.add(new CatalogColumn(schema, row.table(), row.column(), row.type(), row.estimatedRows(),
                        row.indexed(), row.userReference()));
            }
        }
        // Supabase's schemas first, then LiteLLM's, as the presence view draws them.
        columns.sort(java.util.Comparator.comparing((CatalogColumn column) -> column.schema().equals("public"))
                .thenComparing(CatalogColumn::schema).thenComparing(CatalogColumn::table)
                .thenComparing(CatalogColumn::column));
        return List.copyOf(columns);
    }

    /** The real name of the console's schema {@code logical} on this connection. */
    private String physical(String logical) {
        return logicalSchemas.entrySet().stream().filter(entry -> entry.getValue().equals(logical))
                .map(Map.Entry::getKey).findFirst().orElse(logical);
    }

    private static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }
}
