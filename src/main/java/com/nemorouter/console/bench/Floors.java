package com.nemorouter.console.bench;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import javax.sql.DataSource;

import com.nemorouter.console.connection.Lowered;
import com.nemorouter.console.connection.SchemaNames;
import com.nemorouter.console.integrity.AuditCheck;
import com.nemorouter.console.integrity.AuditService;
import com.nemorouter.console.presence.ColumnRoles;
import com.nemorouter.console.presence.Ids;
import com.nemorouter.console.presence.PresenceQuery;
import com.nemorouter.console.persistence.litellm.Rosters;

/**
 * The floor of each benchmarked operation: plain JDBC on the same pool, no Hibernate, returning the same
 * rows as the console's call (the small-scale test holds each to that). Where one statement can give what
 * the console gets from several (a page and its count share one scan), the floor does that; elsewhere it
 * is the console's SQL without the ORM around it. Rows come back as lists of strings ({@link FloorJdbc#cell}).
 * The presence counts live in {@link PresenceFloor}, the JDBC plumbing in {@link FloorJdbc}.
 */
final class Floors {

    private final FloorJdbc jdbc;
    private final PresenceFloor presence;
    private final SchemaNames schemas;

    Floors(DataSource dataSource, SchemaNames schemas, long unindexedScanLimit) {
        this(dataSource, schemas, unindexedScanLimit, PresenceQuery.DEFAULT_CHEAP_SCAN_LIMIT);
    }

    /** @param cheapScanLimit as the console's presence query: what its first read leaves pending */
    Floors(DataSource dataSource, SchemaNames schemas, long unindexedScanLimit, long cheapScanLimit) {
        this.jdbc = new FloorJdbc(dataSource, schemas);
        this.presence = new PresenceFloor(jdbc, schemas, unindexedScanLimit, cheapScanLimit);
        this.schemas = schemas;
    }

    /** Every column of the three schemas as {@code schema.table.column}: what "complete" means for locate. */
    Set<String> allColumnKeys() {
        return presence.allColumnKeys();
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
        Ids.UuidRange ids = Ids.uuidRange(hex);
        String matching = trimmed.isEmpty() ? """
                with matching as materialized (
                    select coalesce(n.organization_id::text, l.organization_id) as id,
                           n.organization_id as nemo_id, l.organization_id as litellm_id,
                           n.name, n.slug, n.plan, l.organization_alias as alias,
                           lower(coalesce(n.name, l.organization_alias, '')) as sort_key
                    from {nemo}.organizations n
                    full join {litellm}."LiteLLM_OrganizationTable" l on l.organization_id = n.organization_id::text
                ),
                page as (select * from matching order by sort_key, id limit ?),
                """ : """
                with nemo_hits as materialized (
                    select n.organization_id, n.name, n.slug, n.plan from {nemo}.organizations n
                    where LOWER_NAME like ? escape '\\' or LOWER_SLUG like ? escape '\\'
                       or (? <> '' and n.organization_id between ? and ?)
                ),
                litellm_only as materialized (
                    select l.organization_id as id, l.organization_alias as alias
                    from {litellm}."LiteLLM_OrganizationTable" l
                    where (LOWER_ALIAS like ? escape '\\'
                           or (? <> '' and replace(LOWER_ID, '-', '') like ? || '%'))
                      and not exists (select 1 from nemo_hits h where h.organization_id::text = l.organization_id)
                ),
                matching as materialized (
                    select h.organization_id::text as id, h.organization_id as nemo_id, h.name, h.slug, h.plan,
                           lower(h.name) as sort_key
                    from nemo_hits h
                    union all
                    select o.id, n.organization_id, n.name, n.slug, n.plan, lower(coalesce(n.name, o.alias, ''))
                    from litellm_only o
                    left join lateral (
                        select n.organization_id, n.name, n.slug, n.plan from {nemo}.organizations n
                        where n.organization_id = case when o.id ~ 'UUID_PATTERN' then cast(o.id as uuid) end
                          and n.organization_id::text = o.id
                        offset 0
                    ) n on true
                ),
                page as (
                    select m.*, l.organization_id as litellm_id, l.organization_alias as alias
                    from (select * from matching order by sort_key, id limit ?) m
                    left join {litellm}."LiteLLM_OrganizationTable" l on l.organization_id = m.id
                ),
                """.replace("UUID_PATTERN", Ids.SQL_UUID_PATTERN).replace("LOWER_NAME", Lowered.of("n.name"))
                .replace("LOWER_SLUG", Lowered.of("n.slug")).replace("LOWER_ALIAS", Lowered.of("l.organization_alias"))
                .replace("LOWER_ID", Lowered.of("l.organization_id"));
        String sql = matching + """
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
        return trimmed.isEmpty() ? jdbc.rows(sql, limit) : jdbc.rows(sql, pattern, pattern, hex, ids.lowest(), ids.highest(), pattern, hex, hex, limit);
    }

    /** LiteLLM membership counts of the given organizations, one row per org that has members. */
    List<List<String>> memberCounts(List<String> organizationIds) {
        try (Connection connection = jdbc.dataSource().getConnection()) {
            java.sql.Array ids = connection.createArrayOf("text", organizationIds.toArray());
            List<List<String>> counts = new ArrayList<>(jdbc.rows(connection, """
                    select m.organization_id, count(*) from {litellm}."LiteLLM_OrganizationMembership" m
                    where m.organization_id in (select unnest(?))
                    group by m.organization_id
                    """, ids));
            counts.sort(java.util.Comparator.comparing((List<String> row) -> row.get(0)));
            return counts;
        } catch (SQLException e) {
            throw new IllegalStateException("floor query failed: " + e.getMessage(), e);
        }
    }

    /**
     * What the org screen shows before the user clicks, in one transaction: core row, presence counts, teams.
     *
     * @param cheapOnly only what its first read shows: the large unindexed columns' counts pending (-3)
     */
    List<List<String>> openOrganization(String organizationId, boolean cheapOnly) {
        return jdbc.inOneTransaction(connection -> {
            List<List<String>> all = new ArrayList<>(jdbc.rows(connection, """
                    select n.name, n.slug, n.plan, l.organization_alias, l.organization_id
                    from (select 1) one
                    left join {nemo}.organizations n on n.organization_id = cast(? as uuid) and n.organization_id::text = ?
                    left join {litellm}."LiteLLM_OrganizationTable" l on l.organization_id = ?
                    """, canonicalOrNull(organizationId), organizationId, organizationId));
            all.addAll(presence.counts(connection, presence.organizationColumns(connection), organizationId,
                    canonicalOrNull(organizationId), null, Set.of(), cheapOnly));
            all.addAll(jdbc.rows(connection, """
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
            return all;
        });
    }

    /** The Members tab: the first members of the org with team names and key counts, and their total; one statement. */
    List<List<String>> organizationMembers(String organizationId, int memberLimit) {
        return jdbc.rows("""
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
                    """.formatted(Rosters.isArray("ot.members_with_roles")), organizationId, Ids.SQL_UUID_PATTERN, memberLimit,
                organizationId, organizationId);
    }

    /**
     * The member view before a click: user row, org memberships, teams from the rosters, the cheap presence counts
     * (the large unindexed columns' wait for the Presence tab: pending, -3).
     *
     * @param firstOnly only what its first read shows: no teams, the large unindexed columns' counts pending (-3)
     */
    List<List<String>> openMember(String userId, boolean firstOnly) {
        return jdbc.inOneTransaction(connection -> {
            List<List<String>> all = new ArrayList<>(jdbc.rows(connection, """
                    select a.email, a.raw_user_meta_data ->> 'full_name', u.user_email, u.user_role,
                           coalesce(u.teams, array[]::text[]),
                           (select count(*) from {litellm}."LiteLLM_VerificationToken" k where k.user_id = ?),
                           a.id is not null, u.user_id is not null
                    from (select 1) one
                    left join {auth}.users a on a.id = cast(? as uuid) and a.id::text = ?
                    left join {litellm}."LiteLLM_UserTable" u on u.user_id = ?
                    """, userId, canonicalOrNull(userId), userId, userId));
            all.addAll(jdbc.rows(connection, """
                    select m.organization_id, coalesce(n.name, l.organization_alias), m.user_role
                    from {litellm}."LiteLLM_OrganizationMembership" m
                    left join {litellm}."LiteLLM_OrganizationTable" l on l.organization_id = m.organization_id
                    left join {nemo}.organizations n on n.organization_id::text = m.organization_id
                    where m.user_id = ?
                    order by 2
                    """, userId));
            // The large tables' counts wait for the Presence tab: pending here as in the first read.
            all.addAll(presence.counts(connection, presence.userColumns(connection), userId, canonicalOrNull(userId),
                    null, Set.of(), true));
            if (firstOnly) {
                // The first read has no teams: the roster scan streams in after it.
                return all;
            }
            all.addAll(jdbc.rows(connection, """
                    select t.team_id, coalesce(t.team_alias, t.team_id), t.organization_id, e.member ->> 'role',
                           coalesce(array_position(u.teams, t.team_id) is not null, false)
                    from {litellm}."LiteLLM_TeamTable" t
                    cross join lateral jsonb_array_elements(t.members_with_roles) as e(member)
                    left join {litellm}."LiteLLM_UserTable" u on u.user_id = ?
                    where %s
                      and e.member ->> 'user_id' = ?
                    order by 2
                    """.formatted(Rosters.includes("t", "cast(? as text)")), userId, userId, userId));
            return all;
        });
    }

    List<List<String>> roster(String teamId) {
        return jdbc.rows("""
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
        return jdbc.inOneTransaction(connection -> {
            boolean keyHash = canonical == null && Ids.isSha256Hex(text);
            List<PresenceFloor.Column> columns = presence.catalog(connection).stream()
                    .filter(c -> ColumnRoles.locateSearches(c.schema(), c.table(), c.column(), c.type(),
                            c.userReference(), canonical != null, keyHash))
                    .toList();
            Set<String> everything = Set.copyOf(columns.stream().map(PresenceFloor.Column::key).toList());
            String id = canonical != null ? canonical
                    : keyHash ? text.strip().toLowerCase(Locale.ROOT) : text.strip();
            List<List<String>> all = new ArrayList<>(presence.counts(connection, columns, id, canonical,
                    canonical == null ? null : canonical.toUpperCase(Locale.ROOT), everything));
            all.addAll(jdbc.rows(connection, """
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
        return jdbc.rows("""
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
        return jdbc.inOneTransaction(connection -> {
            List<List<String>> all = new ArrayList<>();
            for (AuditCheck check : AuditCheck.values()) {
                // The one schema name a check compares as a value is bound, as the console binds it.
                boolean bindsSchema = check.sql().contains(":nemoSchema");
                String sql = check.sql().replace("cast(:nemoSchema as text)", "cast(? as text)");
                List<List<String>> rows = jdbc.rows(connection, "select * from (" + sql + ") f order by 3, 5 limit "
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

    private static String canonicalOrNull(String id) {
        return Ids.asUuid(id).map(Object::toString).orElse(null);
    }

    private static String upperOrNull(String canonical) {
        return canonical == null ? null : canonical.toUpperCase(Locale.ROOT);
    }
}
