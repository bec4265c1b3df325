package com.nemorouter.console.bench;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import javax.sql.DataSource;

import com.nemorouter.console.connection.SchemaNames;
import com.nemorouter.console.integrity.AuditCheck;
import com.nemorouter.console.integrity.AuditService;
import com.nemorouter.console.presence.Ids;
import com.nemorouter.console.presence.PresenceQuery;
import com.nemorouter.console.persistence.litellm.Rosters;

/**
 * The floor of each benchmarked operation: plain JDBC on the same pool, no Hibernate, returning the same
 * rows as the console's call (the small-scale test holds each to that). Where one statement can give what
 * the console gets from several (a page and its count share one scan), the floor does that; elsewhere it
 * is the console's SQL without the ORM around it. Rows come back as lists of strings ({@link #cell}).
 */
final class Floors {

    private final DataSource dataSource;
    private final SchemaNames schemas;
    private final long unindexedScanLimit;
    private volatile List<Column> catalog;

    Floors(DataSource dataSource, SchemaNames schemas, long unindexedScanLimit) {
        this.dataSource = dataSource;
        this.schemas = schemas;
        this.unindexedScanLimit = unindexedScanLimit;
    }

    record Column(String schema, String table, String column, String type, long estimatedRows, boolean indexed,
                  boolean userReference) {
        String key() {
            return schema + "." + table + "." + column;
        }
    }

    /**
     * A page of the org list and the number of matches, in one statement that scans the org tables once;
     * member counts are -1 (not counted), as the list shows the page before they stream in.
     */
    List<List<String>> organizationPage(String text, int limit) {
        String trimmed = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        String escaped = trimmed.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        String pattern = "%" + escaped + (escaped.isEmpty() ? "" : "%");
        String hex = trimmed.isEmpty() ? "" : Ids.uuidPrefix(trimmed);
        String matching = trimmed.isEmpty() ? """
                with matching as materialized (
                    select coalesce(n.organization_id::text, l.organization_id) as id,
                           n.organization_id as nemo_id, l.organization_id as litellm_id,
                           n.name, n.slug, n.plan, l.organization_alias as alias,
                           lower(coalesce(n.name, l.organization_alias, '')) as sort_key
                    from {nemo}.organizations n
                    full join {litellm}."LiteLLM_OrganizationTable" l on l.organization_id = n.organization_id::text
                ),
                """ : """
                with hits as (
                    select n.organization_id::text as id from {nemo}.organizations n
                    where lower(n.name) like ? escape '\\' or lower(n.slug) like ? escape '\\'
                       or (? <> '' and replace(n.organization_id::text, '-', '') like ? || '%')
                    union
                    select l.organization_id from {litellm}."LiteLLM_OrganizationTable" l
                    where lower(l.organization_alias) like ? escape '\\'
                       or (? <> '' and replace(lower(l.organization_id), '-', '') like ? || '%')
                ),
                matching as materialized (
                    select h.id, n.organization_id as nemo_id, l.organization_id as litellm_id,
                           n.name, n.slug, n.plan, l.organization_alias as alias,
                           lower(coalesce(n.name, l.organization_alias, '')) as sort_key
                    from hits h
                    left join {nemo}.organizations n
                         on n.organization_id = case when h.id ~ 'UUID_PATTERN' then cast(h.id as uuid) end
                        and n.organization_id::text = h.id
                    left join {litellm}."LiteLLM_OrganizationTable" l on l.organization_id = h.id
                ),
                """.replace("UUID_PATTERN", Ids.SQL_UUID_PATTERN);
        String sql = matching + """
                page as (select * from matching order by sort_key, id limit ?),
                team_counts as (
                    select org, count(distinct team_id) as n from (
                        select t.organization_id::text as org, t.team_id::text as team_id
                        from {nemo}.teams t where t.organization_id in (select nemo_id from page)
                        union all
                        select t.organization_id, t.team_id
                        from {litellm}."LiteLLM_TeamTable" t where t.organization_id in (select litellm_id from page)
                    ) both_sides group by org
                )
                select p.id, p.name, p.slug, p.alias, p.plan, p.nemo_id is not null, p.litellm_id is not null,
                       coalesce(tc.n, 0), -1, (select count(*) from matching)
                from page p
                left join team_counts tc on tc.org = p.id
                order by p.sort_key, p.id
                """;
        return trimmed.isEmpty() ? rows(sql, limit) : rows(sql, pattern, pattern, hex, hex, pattern, hex, hex, limit);
    }

    /** LiteLLM membership counts of the given organizations, one row per org that has members. */
    List<List<String>> memberCounts(List<String> organizationIds) {
        try (Connection connection = dataSource.getConnection()) {
            java.sql.Array ids = connection.createArrayOf("text", organizationIds.toArray());
            List<List<String>> counts = new ArrayList<>(rows(connection, """
                    select m.organization_id, count(*) from {litellm}."LiteLLM_OrganizationMembership" m
                    where m.organization_id = any(?)
                    group by m.organization_id
                    """, ids));
            counts.sort(java.util.Comparator.comparing((List<String> row) -> row.get(0)));
            return counts;
        } catch (SQLException e) {
            throw new IllegalStateException("floor query failed: " + e.getMessage(), e);
        }
    }

    /** Everything the org screen shows: core row, presence counts, teams, the first members and their total. */
    List<List<String>> openOrganization(String organizationId, int memberLimit) {
        return inOneTransaction(connection -> {
            List<List<String>> all = new ArrayList<>(rows(connection, """
                    select n.name, n.slug, n.plan, l.organization_alias, l.organization_id
                    from (select 1) one
                    left join {nemo}.organizations n on n.organization_id = cast(? as uuid) and n.organization_id::text = ?
                    left join {litellm}."LiteLLM_OrganizationTable" l on l.organization_id = ?
                    """, canonicalOrNull(organizationId), organizationId, organizationId));
            all.addAll(presence(connection, organizationColumns(connection), organizationId,
                    canonicalOrNull(organizationId), null, Set.of()));
            all.addAll(rows(connection, """
                    with ids as (
                        select t.team_id::text as id from {nemo}.teams t where t.organization_id = cast(? as uuid)
                        union
                        select t.team_id from {litellm}."LiteLLM_TeamTable" t where t.organization_id = ?
                    )
                    select ids.id, n.name, l.team_alias, n.organization_id::text, l.organization_id,
                           n.team_id is not null, l.team_id is not null,
                           %s
                    from ids
                    left join {nemo}.teams n on n.team_id = case when ids.id ~ ? then cast(ids.id as uuid) end
                         and n.team_id::text = ids.id
                    left join {litellm}."LiteLLM_TeamTable" l on l.team_id = ids.id
                    order by lower(coalesce(n.name, l.team_alias, ids.id)), ids.id
                    """.formatted(Rosters.size("l")), canonicalOrNull(organizationId), organizationId, Ids.SQL_UUID_PATTERN));
            all.addAll(rows(connection, """
                    with members as materialized (
                        select m.user_id, m.user_role from {litellm}."LiteLLM_OrganizationMembership" m
                        where m.organization_id = ?
                    ),
                    page as (
                        select m.user_id, m.user_role, u.user_email, a.email, a.id as auth_id, u.user_id is not null as in_user_table
                        from members m
                        left join {litellm}."LiteLLM_UserTable" u on u.user_id = m.user_id
                        left join {auth}.users a on a.id = case when m.user_id ~ ? then cast(m.user_id as uuid) end
                        order by lower(coalesce(u.user_email, a.email, m.user_id)), m.user_id
                        limit ?
                    ),
                    org_teams as (
                        select t.team_id, coalesce(t.team_alias, t.team_id) as name, t.members_with_roles
                        from {litellm}."LiteLLM_TeamTable" t where t.organization_id = ?
                    ),
                    page_teams as (
                        select r.user_id, string_agg(r.name, ', ' order by lower(r.name)) as names
                        from (select distinct ot.team_id, ot.name, e.member ->> 'user_id' as user_id
                              from org_teams ot
                              cross join lateral jsonb_array_elements(ot.members_with_roles) as e(member)
                              where %s
                                and e.member ->> 'user_id' in (select user_id from page)) r
                        group by r.user_id
                    )
                    select p.user_id, coalesce(p.user_email, p.email), p.user_role,
                           case when p.auth_id::text = p.user_id then 'EXACT' when p.auth_id is not null then 'CASE_ONLY'
                                else 'MISSING' end,
                           p.in_user_table, coalesce(pt.names, ''),
                           (select count(*) from {litellm}."LiteLLM_VerificationToken" k
                            where k.user_id = p.user_id
                              and (k.organization_id = ? or k.team_id in (select team_id from org_teams))),
                           (select count(*) from members)
                    from page p
                    left join page_teams pt on pt.user_id = p.user_id
                    order by lower(coalesce(p.user_email, p.email, p.user_id)), p.user_id
                    """.formatted(Rosters.isArray("ot.members_with_roles")), organizationId, Ids.SQL_UUID_PATTERN, memberLimit, organizationId, organizationId));
            return all;
        });
    }

    /** The member view: user row, org memberships, teams from the rosters, presence counts. */
    List<List<String>> openMember(String userId) {
        return inOneTransaction(connection -> {
            List<List<String>> all = new ArrayList<>(rows(connection, """
                    select a.email, a.raw_user_meta_data ->> 'full_name', u.user_email, u.user_role,
                           coalesce(u.teams, array[]::text[]),
                           (select count(*) from {litellm}."LiteLLM_VerificationToken" k where k.user_id = ?),
                           a.id is not null, u.user_id is not null
                    from (select 1) one
                    left join {auth}.users a on a.id = cast(? as uuid) and a.id::text = ?
                    left join {litellm}."LiteLLM_UserTable" u on u.user_id = ?
                    """, userId, canonicalOrNull(userId), userId, userId));
            all.addAll(rows(connection, """
                    select m.organization_id, coalesce(n.name, l.organization_alias), m.user_role
                    from {litellm}."LiteLLM_OrganizationMembership" m
                    left join {litellm}."LiteLLM_OrganizationTable" l on l.organization_id = m.organization_id
                    left join {nemo}.organizations n on n.organization_id::text = m.organization_id
                    where m.user_id = ?
                    order by 2
                    """, userId));
            all.addAll(rows(connection, """
                    select t.team_id, coalesce(t.team_alias, t.team_id), t.organization_id, e.member ->> 'role',
                           coalesce(array_position(u.teams, t.team_id) is not null, false)
                    from {litellm}."LiteLLM_TeamTable" t
                    cross join lateral jsonb_array_elements(t.members_with_roles) as e(member)
                    left join {litellm}."LiteLLM_UserTable" u on u.user_id = ?
                    where %s
                      and e.member ->> 'user_id' = ?
                    order by 2
                    """.formatted(Rosters.includes("t", "cast(? as text)")), userId, userId, userId));
            all.addAll(presence(connection, userColumns(connection), userId, canonicalOrNull(userId), null, Set.of()));
            return all;
        });
    }

    List<List<String>> roster(String teamId) {
        return rows("""
                select e.member ->> 'user_id', coalesce(e.member ->> 'user_email', u.user_email), e.member ->> 'role',
                       u.user_id is not null,
                       coalesce(array_position(u.teams, t.team_id) is not null, false),
                       exists (select 1 from {litellm}."LiteLLM_TeamMembership" tm
                               where tm.user_id = e.member ->> 'user_id' and tm.team_id = t.team_id),
                       exists (select 1 from {litellm}."LiteLLM_OrganizationMembership" om
                               where om.user_id = e.member ->> 'user_id' and om.organization_id = t.organization_id),
                       exists (select 1 from {auth}.users a
                               where a.id = case when e.member ->> 'user_id' ~ ? then cast(e.member ->> 'user_id' as uuid) end
                                 and a.id::text = e.member ->> 'user_id')
                from {litellm}."LiteLLM_TeamTable" t
                cross join lateral jsonb_array_elements(
                    %s) with ordinality as e(member, position)
                left join {litellm}."LiteLLM_UserTable" u on u.user_id = e.member ->> 'user_id'
                where t.team_id = ?
                order by e.position
                """.formatted(Rosters.members("t")), Ids.SQL_UUID_PATTERN, teamId);
    }

    /** Every column that holds the id or email, counted completely, and the entities it names. */
    List<List<String>> locate(String text) {
        String canonical = canonicalOrNull(text);
        return inOneTransaction(connection -> {
            boolean keyHash = canonical == null && Ids.isSha256Hex(text);
            List<Column> columns = catalog(connection).stream()
                    .filter(c -> PresenceQuery.locateSearches(c.schema(), c.table(), c.column(), c.type(),
                            c.userReference(), canonical != null, keyHash))
                    .toList();
            Set<String> everything = Set.copyOf(columns.stream().map(Column::key).toList());
            String id = canonical != null ? canonical
                    : keyHash ? text.strip().toLowerCase(Locale.ROOT) : text.strip();
            List<List<String>> all = new ArrayList<>(presence(connection, columns, id, canonical,
                    canonical == null ? null : canonical.toUpperCase(Locale.ROOT), everything));
            all.addAll(rows(connection, """
                    select type, id, (array_agg(name order by src) filter (where name is not null))[1],
                           (array_agg(org order by src) filter (where org is not null))[1]
                    from (
                        select 'organization' as type, n.organization_id::text as id, n.name, n.organization_id::text as org, 1 as src
                        from {nemo}.organizations n where n.organization_id = cast(? as uuid)
                        union all
                        select 'organization', l.organization_id, l.organization_alias, l.organization_id, 2
                        from {litellm}."LiteLLM_OrganizationTable" l where l.organization_id in (cast(? as text), cast(? as text))
                        union all
                        select 'team', n.team_id::text, n.name, n.organization_id::text, 3
                        from {nemo}.teams n where n.team_id = cast(? as uuid)
                        union all
                        select 'team', t.team_id, t.team_alias, t.organization_id, 4
                        from {litellm}."LiteLLM_TeamTable" t where t.team_id in (cast(? as text), cast(? as text))
                        union all
                        select 'user', a.id::text, a.email,
                               (select min(m.organization_id) from {litellm}."LiteLLM_OrganizationMembership" m
                                where m.user_id = a.id::text), 5
                        from {auth}.users a where a.id = cast(? as uuid) or lower(a.email) = lower(cast(? as text))
                        union all
                        select 'user', u.user_id, u.user_email,
                               (select min(m.organization_id) from {litellm}."LiteLLM_OrganizationMembership" m
                                where m.user_id = u.user_id), 6
                        from {litellm}."LiteLLM_UserTable" u
                        where u.user_id in (cast(? as text), cast(? as text)) or lower(u.user_email) = lower(cast(? as text))
                    ) e
                    group by type, id
                    order by min(src), id
                    """, canonical, canonical, upperOrNull(canonical), canonical, canonical, upperOrNull(canonical),
                    canonical, id, id, upperOrNull(canonical), id));
            return all;
        });
    }

    List<List<String>> key(String tokenHash) {
        return rows("""
                select k.token, k.key_alias, coalesce(k.organization_id, t.organization_id),
                       case when k.organization_id is not null then 'key' when t.organization_id is not null then 'team' else 'none' end,
                       k.team_id, k.user_id, u.user_role, coalesce(k.blocked, false), coalesce(t.blocked, false),
                       k.expires is not null and k.expires < timezone('utc', now()), k.expires,
                       exists (select 1 from {nemo}.organizations n
                               where n.organization_id = case when coalesce(k.organization_id, t.organization_id) ~ ?
                                                              then cast(coalesce(k.organization_id, t.organization_id) as uuid) end
                                 and n.organization_id::text = coalesce(k.organization_id, t.organization_id)),
                       exists (select 1 from {litellm}."LiteLLM_OrganizationTable" o
                               where o.organization_id = coalesce(k.organization_id, t.organization_id)),
                       exists (select 1 from {nemo}.teams n
                               where n.team_id = case when k.team_id ~ ? then cast(k.team_id as uuid) end
                                 and n.team_id::text = k.team_id),
                       t.team_id is not null
                from {litellm}."LiteLLM_VerificationToken" k
                left join {litellm}."LiteLLM_TeamTable" t on t.team_id = k.team_id
                left join {litellm}."LiteLLM_UserTable" u on u.user_id = k.user_id
                where k.token = ?
                """, Ids.SQL_UUID_PATTERN, Ids.SQL_UUID_PATTERN, tokenHash);
    }

    /** The audit checks as plain SQL, one after another in one snapshot, with the console's finding limit. */
    List<List<String>> audit() {
        return inOneTransaction(connection -> {
            List<List<String>> all = new ArrayList<>();
            for (AuditCheck check : AuditCheck.values()) {
                // The one schema name a check compares as a value is bound, as the console binds it.
                boolean bindsSchema = check.sql().contains(":nemoSchema");
                String sql = check.sql().replace("cast(:nemoSchema as text)", "cast(? as text)");
                List<List<String>> rows = rows(connection, "select * from (" + sql + ") f order by 3, 5 limit "
                        + (AuditService.FINDING_LIMIT + 1), bindsSchema ? new Object[] {schemas.nemo()} : new Object[0]);
                // One row past the limit tells the console the list was cut; it lists the limit, and so does this.
                for (List<String> row : rows.subList(0, Math.min(rows.size(), AuditService.FINDING_LIMIT))) {
                    List<String> finding = new ArrayList<>();
                    finding.add(check.id());
                    finding.addAll(row);
                    all.add(finding);
                }
            }
            return all;
        });
    }

    /** Every column of the three schemas as {@code schema.table.column}: what "complete" means for locate. */
    Set<String> allColumnKeys() {
        try (Connection connection = dataSource.getConnection()) {
            return Set.copyOf(catalog(connection).stream().map(Column::key).toList());
        } catch (SQLException e) {
            throw new IllegalStateException("catalog read failed: " + e.getMessage(), e);
        }
    }

    // ---- presence ------------------------------------------------------------------------------------

    private List<List<String>> presence(Connection connection, List<Column> columns, String id, String uuid,
                                        String upper, Set<String> scanAnyway) throws SQLException {
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
                sql.append(Rosters.isArray(quoted)).append(" and (").append(quoted)
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
            for (List<String> row : rows(connection, sql.toString(), parameters.toArray())) {
                counts[Integer.parseInt(row.get(0))] = Long.parseLong(row.get(1));
            }
        }
        for (int i = 0; i < columns.size(); i++) {
            result.add(List.of(columns.get(i).key(), Long.toString(counts[i])));
        }
        return result;
    }

    private List<Column> organizationColumns(Connection connection) throws SQLException {
        return catalog(connection).stream()
                .filter(c -> scalar(c) && (c.column().equals("organization_id") || c.column().equals("org_id"))).toList();
    }

    private List<Column> userColumns(Connection connection) throws SQLException {
        return catalog(connection).stream().filter(Floors::refersToUser).toList();
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
    private List<Column> catalog(Connection connection) throws SQLException {
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

    // ---- plain JDBC ------------------------------------------------------------------------------------

    interface Work {
        List<List<String>> run(Connection connection) throws SQLException;
    }

    private List<List<String>> inOneTransaction(Work work) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                return work.run(connection);
            } finally {
                connection.rollback();
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("floor query failed: " + e.getMessage(), e);
        }
    }

    private List<List<String>> rows(String sql, Object... parameters) {
        try (Connection connection = dataSource.getConnection()) {
            return rows(connection, sql, parameters);
        } catch (SQLException e) {
            throw new IllegalStateException("floor query failed: " + e.getMessage(), e);
        }
    }

    private List<List<String>> rows(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(schemas.resolve(sql))) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            List<List<String>> result = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                int width = rows.getMetaData().getColumnCount();
                while (rows.next()) {
                    List<String> row = new ArrayList<>(width);
                    for (int i = 1; i <= width; i++) {
                        row.add(cell(rows.getObject(i)));
                    }
                    result.add(row);
                }
            }
            return result;
        }
    }

    /** One value as the comparison sees it: numbers without a fraction as integers, arrays as lists. */
    static String cell(Object value) throws SQLException {
        if (value == null) {
            return "null";
        }
        if (value instanceof Array array) {
            return Arrays.asList((Object[]) array.getArray()).toString();
        }
        if (value instanceof Object[] objects) {
            return Arrays.asList(objects).toString();
        }
        if (value instanceof Timestamp timestamp) {
            return timestamp.toLocalDateTime().toString();
        }
        if (value instanceof Number number && !(value instanceof Double || value instanceof Float
                || value instanceof java.math.BigDecimal)) {
            return Long.toString(number.longValue());
        }
        return String.valueOf(value);
    }

    private static String canonicalOrNull(String id) {
        return Ids.asUuid(id).map(Object::toString).orElse(null);
    }

    private static String upperOrNull(String canonical) {
        return canonical == null ? null : canonical.toUpperCase(Locale.ROOT);
    }

    private static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }
}
