package com.nemorouter.console.organization;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;

import com.nemorouter.console.connection.Database;
import com.nemorouter.console.connection.Lowered;
import com.nemorouter.console.connection.NamedStatement;
import com.nemorouter.console.member.MemberQueries;
import com.nemorouter.console.persistence.litellm.LiteLlmOrganization;
import com.nemorouter.console.persistence.nemo.NemoOrganization;
import com.nemorouter.console.presence.IdKind;
import com.nemorouter.console.presence.Ids;
import com.nemorouter.console.presence.Presence;
import com.nemorouter.console.presence.PresenceQuery;
import com.nemorouter.console.presence.PresenceReport;
import com.nemorouter.console.team.TeamQueries;

import jakarta.persistence.EntityManager;

/**
 * Organizations as both schemas see them. Every method is one read transaction and runs on the
 * calling thread, which must not be the FX thread. Results are immutable records.
 *
 * <p>The list (pages, counts, member counts) reads over plain JDBC, one statement each: it is the window's
 * first screen and every keystroke's, so it must not wait for Hibernate's start (about 1.5 s of CPU, which
 * now runs beside it) nor pay its per-query cost. An organization opens through the entities.
 */
public final class OrganizationService {

    public static final int MEMBER_LIMIT = 1000;

    /**
     * Organizations from both schemas merged by UUID, all of them (the unfiltered list). The org tables
     * are joined once; the page takes its LiteLLM columns, member and team counts for its own rows only.
     * Columns: id, nemo_id, name, slug, plan, sort_key (as {@link #MATCHING_ORGS}).
     */
    private static final String ALL_ORGS = """
            with matching as (
                select coalesce(n.organization_id::text, l.organization_id) as id, n.organization_id as nemo_id,
                       n.name, n.slug, n.plan, lower(coalesce(n.name, l.organization_alias, '')) as sort_key
                from {nemo}.organizations n
                full join {litellm}."LiteLLM_OrganizationTable" l on l.organization_id = n.organization_id::text
            )
            """;

    /**
     * The organizations matching search text. Each side is filtered on its own (one scan each), and nothing
     * else of either table is read for the matches: a nemo match sorts by its own name (NOT NULL), so it
     * needs no LiteLLM row until it is on the page; only a LiteLLM match that is no nemo match looks up its
     * nemo row, by primary key (the lateral subquery keeps the planner from hashing the whole nemo table for
     * it, which cost more than the two scans together at 100k organizations). The result is the same as
     * filtering the merged rows: a row matches when its nemo name or slug, its LiteLLM alias or its id
     * matches, and a LiteLLM id stored in another spelling stays a row of its own. Text is lower-cased through
     * {@link Lowered} and a nemo id is matched as a range of uuids, not as text: per row, the scans cost what
     * comparing does, not what converting does.
     */
    private static final String MATCHING_ORGS = """
            with nemo_hits as (
                select n.organization_id, n.name, n.slug, n.plan from {nemo}.organizations n
                where %s like :pattern escape '\\' or %s like :pattern escape '\\'
                   or (:hex <> '' and n.organization_id between :lowestId and :highestId)
            ),
            litellm_only as materialized (
                select l.organization_id as id, l.organization_alias as alias
                from {litellm}."LiteLLM_OrganizationTable" l
                where (%s like :pattern escape '\\'
                       or (:hex <> '' and replace(%s, '-', '') like :hex || '%%'))
                  and not exists (select 1 from nemo_hits h where h.organization_id::text = l.organization_id)
            ),
            matching as (
                select h.organization_id::text as id, h.organization_id as nemo_id, h.name, h.slug, h.plan,
                       lower(h.name) as sort_key
                from nemo_hits h
                union all
                select o.id, n.organization_id, n.name, n.slug, n.plan, lower(coalesce(n.name, o.alias, ''))
                from litellm_only o
                left join lateral (
                    select n.organization_id, n.name, n.slug, n.plan from {nemo}.organizations n
                    where n.organization_id = case when o.id ~ :uuidPattern then cast(o.id as uuid) end
                      and n.organization_id::text = o.id
                    offset 0
                ) n on true
            )
            """.formatted(Lowered.of("n.name"), Lowered.of("n.slug"), Lowered.of("l.organization_alias"),
            Lowered.of("l.organization_id"));

    private final Database database;
    private final PresenceQuery presenceQuery;
    private final TeamQueries teamQueries;
    private final MemberQueries memberQueries;

    public OrganizationService(Database database, PresenceQuery presenceQuery, TeamQueries teamQueries,
                               MemberQueries memberQueries) {
        this.database = database;
        this.presenceQuery = presenceQuery;
        this.teamQueries = teamQueries;
        this.memberQueries = memberQueries;
    }

    /**
     * One page of organizations in name order, after {@code after}. Search text matches name, slug or
     * LiteLLM alias (any case, substring) or a UUID prefix (any case, hyphens and braces ignored).
     * One SQL statement.
     */
    public OrganizationPage search(String text, OrganizationPage.Cursor after, int limit) {
        return page(text, after, limit, false, true).page();
    }

    /**
     * What one keystroke in the list waits for: the first page and how many organizations match, in one
     * statement. The matching CTE is read twice, so PostgreSQL materializes it and the org tables are
     * joined and filtered once; {@link #search} plus {@link #count} would do that work twice. Member counts
     * are left out ({@link OrganizationRow#NOT_COUNTED}): LiteLLM has no index on
     * {@code LiteLLM_OrganizationMembership.organization_id}, so they cost a scan of every membership; the
     * list asks for them with {@link #memberCounts} once the page shows.
     */
    public CountedPage firstPage(String text, int limit) {
        return page(text, null, limit, true, false);
    }

    /**
     * LiteLLM membership counts of the given organization ids (those absent have none). One statement; it
     * scans LiteLLM_OrganizationMembership, which has no index on organization_id. The ids are a hashed semi-join,
     * not {@code = any(:ids)}: once the driver prepares the statement on the server (its fifth run on a pooled
     * connection) PostgreSQL may plan it generically, and a generic {@code = any} compares every membership with
     * every id in turn (1.2 s instead of 41 ms for a page of 200 at 20k organizations).
     */
    public Map<String, Long> memberCounts(Collection<String> organizationIds) {
        if (organizationIds.isEmpty()) {
            return Map.of();
        }
        return database.readStatement(connection -> {
            Map<String, Long> counts = new HashMap<>();
            try (NamedStatement statement = NamedStatement.prepare(connection, database.sql("""
                    select m.organization_id, count(*) from {litellm}."LiteLLM_OrganizationMembership" m
                    where m.organization_id in (select unnest(cast(:ids as text[])))
                    group by m.organization_id
                    """))) {
                statement.set("ids", connection.createArrayOf("text", organizationIds.toArray()));
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        counts.put(rows.getString(1), rows.getLong(2));
                    }
                }
            }
            return Map.copyOf(counts);
        });
    }

    /** A page and, when {@code withTotal}, the number of matches (else -1). */
    public record CountedPage(OrganizationPage page, long total) {
    }

    private CountedPage page(String text, OrganizationPage.Cursor after, int limit, boolean withTotal,
                             boolean withMemberCounts) {
        if (limit < 1) {
            throw new IllegalArgumentException("A page holds at least one organization.");
        }
        String sql = matching(text) + """
                    , page as (
                        select m.*, l.organization_id as litellm_id, l.organization_alias as alias
                        from (select * from matching
                              where (sort_key, id) > (:afterKey, :afterId)
                              order by sort_key, id
                              limit :limit) m
                        left join {litellm}."LiteLLM_OrganizationTable" l on l.organization_id = m.id
                    ),
                    team_counts as (
                        select org, count(distinct team_id) as n from (
                            select t.organization_id::text as org, t.team_id::text as team_id
                            from {nemo}.teams t where t.organization_id in (select nemo_id from page)
                            union all
                            select t.organization_id, t.team_id
                            from {litellm}."LiteLLM_TeamTable" t where t.organization_id in (select litellm_id from page)
                        ) both_sides group by org
                    ),
                    member_counts as (
                        select m.organization_id as org, count(*) as n
                        from {litellm}."LiteLLM_OrganizationMembership" m
                        where %s and m.organization_id in (select litellm_id from page)
                        group by m.organization_id
                    )
                    select p.id, p.name, p.slug, p.alias, p.plan, p.nemo_id is not null, p.litellm_id is not null,
                           coalesce(tc.n, 0), cast(%s as bigint), p.sort_key, cast(%s as bigint)
                    from page p
                    left join team_counts tc on tc.org = p.id
                    left join member_counts mc on mc.org = p.litellm_id
                    order by p.sort_key, p.id
                    """.formatted(withMemberCounts,
                withMemberCounts ? "coalesce(mc.n, 0)" : OrganizationRow.NOT_COUNTED,
                withTotal ? "(select count(*) from matching)" : "-1");
        OrganizationPage.Cursor from = after == null ? OrganizationPage.Cursor.START : after;
        return database.readStatement(connection -> {
            List<OrganizationRow> rows = new ArrayList<>();
            long total = withTotal ? 0 : -1;
            try (NamedStatement statement = NamedStatement.prepare(connection, database.sql(sql))) {
                bindSearch(statement, text);
                statement.set("afterKey", from.sortKey()).set("afterId", from.id()).set("limit", limit);
                try (ResultSet row = statement.executeQuery()) {
                    while (row.next()) {
                        rows.add(new OrganizationRow(row.getString(1), row.getString(2), row.getString(3),
                                row.getString(4), row.getString(5), row.getLong(8), row.getLong(9),
                                Presence.of(row.getBoolean(6), row.getBoolean(7)), row.getString(10)));
                        total = row.getLong(11);
                    }
                }
            }
            OrganizationPage.Cursor next = rows.size() < limit ? null
                    : new OrganizationPage.Cursor(rows.get(rows.size() - 1).sortKey(), rows.get(rows.size() - 1).id());
            return new CountedPage(new OrganizationPage(rows, next), total);
        });
    }

    /** How many organizations match the search text. One SQL statement. */
    public long count(String text) {
        return database.readStatement(connection -> {
            try (NamedStatement statement = NamedStatement.prepare(connection,
                    database.sql(matching(text) + " select count(*) from matching"))) {
                bindSearch(statement, text);
                try (ResultSet row = statement.executeQuery()) {
                    row.next();
                    return row.getLong(1);
                }
            }
        });
    }

    private static String matching(String text) {
        return text == null || text.isBlank() ? ALL_ORGS : MATCHING_ORGS;
    }

    private static void bindSearch(NamedStatement statement, String text) throws SQLException {
        String trimmed = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        if (trimmed.isEmpty()) {
            return;
        }
        statement.set("uuidPattern", Ids.SQL_UUID_PATTERN);
        String escaped = trimmed.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        statement.set("pattern", "%" + escaped + (escaped.isEmpty() ? "" : "%"));
        String hex = Ids.uuidPrefix(trimmed);
        statement.set("hex", hex);
        Ids.UuidRange ids = Ids.uuidRange(hex);
        statement.set("lowestId", ids.lowest()).set("highestId", ids.highest());
    }

    /**
     * What the organization screen shows first, in one read transaction: both core rows, its teams and the
     * cheap part of its presence ({@link PresenceQuery#findCheap}: indexed columns and small tables; the large
     * unindexed ones are {@link com.nemorouter.console.presence.PresenceEntry#PENDING}). The rest streams in
     * after: {@link #presenceRest}, and {@link #members} once the Members tab shows. A bounded number of
     * statements whatever the org's size (no per-team queries), none of them a scan of a large table.
     *
     * @return empty when neither schema has the org
     */
    public Optional<OrganizationDetail> open(String organizationId) {
        return database.read(em -> {
            Optional<Core> core = core(em, organizationId);
            if (core.isEmpty()) {
                return Optional.empty();
            }
            NemoOrganization nemo = core.get().nemo();
            LiteLlmOrganization liteLlm = core.get().liteLlm();
            PresenceReport presence = presenceQuery.findCheap(em, IdKind.ORGANIZATION, organizationId);
            return Optional.of(new OrganizationDetail(organizationId,
                    nemo == null ? null : nemo.getName(), nemo == null ? null : nemo.getSlug(),
                    nemo == null ? null : nemo.getPlan(),
                    liteLlm == null ? null : liteLlm.getOrganizationAlias(),
                    liteLlm == null ? null : liteLlm.getOrganizationId(), presence,
                    teamQueries.teamsOfOrganization(em, organizationId)));
        });
    }

    /**
     * The presence counts {@link #open} left pending (the large unindexed columns: LiteLLM's memberships,
     * keys, users and spend by organization), counted in one statement of their own transaction; nothing
     * when none is pending. {@link PresenceReport#withCounts} fills them into the first report.
     */
    public PresenceReport presenceRest(String organizationId) {
        return database.read(em -> presenceQuery.findRest(em, IdKind.ORGANIZATION, organizationId));
    }

    /**
     * The Members tab: the first {@link #MEMBER_LIMIT} LiteLLM members (by email) with their auth presence,
     * team names and key counts, and how many there are, in one statement. It scans
     * LiteLLM_OrganizationMembership (LiteLLM has no index on its organization_id), so the screen asks for it
     * only when the tab shows.
     */
    public MemberQueries.MembersPage members(String organizationId) {
        return database.read(em -> memberQueries.membersOfOrganization(em, organizationId, MEMBER_LIMIT));
    }

    /** Both sides of one organization; either may be null (drift), not both. */
    private record Core(NemoOrganization nemo, LiteLlmOrganization liteLlm) {
    }

    /**
     * The org through the entity model: the nemo row with its LiteLLM twin (the same UUID as text) in one
     * statement, or, when nemo lacks it, LiteLLM's row alone. Ids match as text, exactly as LiteLLM's joins do:
     * only the canonical lowercase spelling of a UUID can name the nemo row, so {@code 550E8400-...} finds
     * neither side's row unless LiteLLM stores that very spelling.
     */
    private static Optional<Core> core(EntityManager em, String organizationId) {
        Optional<NemoOrganization> nemo = Ids.asUuid(organizationId)
                .filter(uuid -> uuid.toString().equals(organizationId))
                .flatMap(uuid -> em.createQuery("""
                        select n from NemoOrganization n left join fetch n.liteLlm
                        where n.organizationId = :id""", NemoOrganization.class)
                        .setParameter("id", uuid).getResultStream().findFirst());
        if (nemo.isPresent()) {
            return Optional.of(new Core(nemo.get(), nemo.get().getLiteLlm().orElse(null)));
        }
        return Optional.ofNullable(em.find(LiteLlmOrganization.class, organizationId))
                .map(liteLlm -> new Core(null, liteLlm));
    }
}
