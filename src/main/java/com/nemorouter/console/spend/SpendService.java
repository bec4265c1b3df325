package com.nemorouter.console.spend;

import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.nemorouter.console.connection.Database;
import com.nemorouter.console.presence.PresenceQuery;
import com.nemorouter.console.persistence.litellm.Rosters;

import jakarta.persistence.EntityManager;

/**
 * Spend and limits at a glance for an organization: its budget, its teams' and members' budgets and the team
 * members' budgets, with the last 24 hours of {@code LiteLLM_SpendLogs} beside them. SpendLogs is read by a range
 * on its indexed {@code "startTime"}; when it is large and has no index on organization_id, the cross-check is
 * skipped unless asked for (as locate does). One read-only transaction of at most three statements.
 */
public final class SpendService {

    static final int ROW_LIMIT = 2000;

    private final Database database;
    private final long unindexedScanLimit;

    public SpendService(Database database) {
        this(database, PresenceQuery.DEFAULT_UNINDEXED_SCAN_LIMIT);
    }

    public SpendService(Database database, long unindexedScanLimit) {
        this.database = database;
        this.unindexedScanLimit = unindexedScanLimit;
    }

    /** @param scanSpendLogs run the 24-hour cross-check even on a large SpendLogs without an index on organization_id */
    public SpendReport organization(String organizationId, boolean scanSpendLogs) {
        return database.read(em -> {
            String skipped = skipReason(em, "organization_id");
            Map<String, Double> recent = skipped == null || scanSpendLogs ? recent(em, "organization_id", organizationId) : null;
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("""
                    select x.scope, x.id, x.name, x.spend, x.max_budget, cast(x.budget_reset_at as text), x.rank, x.user_id, x.team_id
                    from (
                        select 'organization' as scope, o.organization_id as id, o.organization_alias as name, o.spend,
                               b.max_budget, b.budget_reset_at, 0 as rank, null as user_id, null as team_id
                        from {litellm}."LiteLLM_OrganizationTable" o
                        left join {litellm}."LiteLLM_BudgetTable" b on b.budget_id = o.budget_id
                        where o.organization_id = :org
                        union all
                        select 'team', t.team_id, coalesce(t.team_alias, t.team_id), t.spend, t.max_budget, t.budget_reset_at,
                               1, null, t.team_id
                        from {litellm}."LiteLLM_TeamTable" t where t.organization_id = :org
                        union all
                        select 'member', u.user_id, coalesce(u.user_email, u.user_id), u.spend, u.max_budget, u.budget_reset_at,
                               2, u.user_id, null
                        from {litellm}."LiteLLM_OrganizationMembership" m
                        join {litellm}."LiteLLM_UserTable" u on u.user_id = m.user_id
                        where m.organization_id = :org
                        union all
                        select 'team member', t.team_id || '/' || tm.user_id,
                               coalesce(t.team_alias, t.team_id) || ' / ' || tm.user_id, tm.spend, mb.max_budget,
                               mb.budget_reset_at, 3, null, null
                        from {litellm}."LiteLLM_TeamTable" t
                        cross join lateral jsonb_array_elements(%s) r
                        join {litellm}."LiteLLM_TeamMembership" tm on tm.user_id = r.value ->> 'user_id' and tm.team_id = t.team_id
                        left join {litellm}."LiteLLM_BudgetTable" mb on mb.budget_id = tm.budget_id
                        where t.organization_id = :org
                    ) x
                    order by x.rank, x.spend desc, x.id
                    limit :limit""".formatted(Rosters.members("t")))
                    .setParameter("org", organizationId)
                    .setParameter("limit", ROW_LIMIT)
                    .getResultList();
            List<SpendRow> result = new ArrayList<>(rows.size());
            for (Object[] row : rows) {
                String scope = (String) row[0];
                String id = (String) row[1];
                Double last24h = null;
                if (recent != null) {
                    String key = switch (scope) {
                        case "organization" -> "org:" + id;
                        case "team" -> "team:" + id;
                        case "member" -> "user:" + id;
                        default -> null;
                    };
                    last24h = key == null ? null : recent.getOrDefault(key, 0.0);
                }
                result.add(new SpendRow(scope, id, (String) row[2], ((Number) row[3]).doubleValue(),
                        row[4] == null ? null : ((Number) row[4]).doubleValue(), time((String) row[5]), last24h));
            }
            return new SpendReport(organizationId, result, recent == null ? skipped : null);
        });
    }

    /**
     * A team's spend at a glance: the team, its members' team budgets (from its roster, so the TeamMembership
     * reads use its primary key) and its keys.
     */
    public SpendReport team(String teamId, boolean scanSpendLogs) {
        return database.read(em -> {
            String skipped = skipReason(em, "team_id");
            Map<String, Double> recent = skipped == null || scanSpendLogs ? recent(em, "team_id", teamId) : null;
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("""
                    select x.scope, x.id, x.name, x.spend, x.max_budget, cast(x.budget_reset_at as text), x.recent_key
                    from (
                        select 'team' as scope, t.team_id as id, coalesce(t.team_alias, t.team_id) as name, t.spend,
                               t.max_budget, t.budget_reset_at, 0 as rank, 'team:' || t.team_id as recent_key
                        from {litellm}."LiteLLM_TeamTable" t where t.team_id = :id
                        union all
                        select 'team member', tm.user_id, coalesce(r.value ->> 'user_email', tm.user_id), tm.spend,
                               mb.max_budget, mb.budget_reset_at, 1, 'user:' || tm.user_id
                        from {litellm}."LiteLLM_TeamTable" t
                        cross join lateral jsonb_array_elements(%s) r
                        join {litellm}."LiteLLM_TeamMembership" tm on tm.user_id = r.value ->> 'user_id' and tm.team_id = t.team_id
                        left join {litellm}."LiteLLM_BudgetTable" mb on mb.budget_id = tm.budget_id
                        where t.team_id = :id
                        union all
                        select 'key', k.token, coalesce(k.key_alias, k.key_name, k.token), k.spend, k.max_budget,
                               k.budget_reset_at, 2, 'key:' || k.token
                        from {litellm}."LiteLLM_VerificationToken" k where k.team_id = :id
                    ) x
                    order by x.rank, x.spend desc, x.id
                    limit :limit""".formatted(Rosters.members("t")))
                    .setParameter("id", teamId).setParameter("limit", ROW_LIMIT).getResultList();
            return new SpendReport(teamId, toRows(rows, recent), recent == null ? skipped : null);
        });
    }

    /** A member's spend at a glance: the user's own budget, their team budgets and their keys. */
    public SpendReport member(String userId, boolean scanSpendLogs) {
        return database.read(em -> {
            String skipped = skipReason(em, "user");
            Map<String, Double> recent = skipped == null || scanSpendLogs ? recent(em, "user", userId) : null;
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("""
                    select x.scope, x.id, x.name, x.spend, x.max_budget, cast(x.budget_reset_at as text), x.recent_key
                    from (
                        select 'user' as scope, u.user_id as id, coalesce(u.user_email, u.user_id) as name, u.spend,
                               u.max_budget, u.budget_reset_at, 0 as rank, 'user:' || u.user_id as recent_key
                        from {litellm}."LiteLLM_UserTable" u where u.user_id = :id
                        union all
                        select 'team member', tm.team_id, coalesce(t.team_alias, tm.team_id), tm.spend, mb.max_budget,
                               mb.budget_reset_at, 1, 'team:' || tm.team_id
                        from {litellm}."LiteLLM_TeamMembership" tm
                        left join {litellm}."LiteLLM_TeamTable" t on t.team_id = tm.team_id
                        left join {litellm}."LiteLLM_BudgetTable" mb on mb.budget_id = tm.budget_id
                        where tm.user_id = :id
                        union all
                        select 'key', k.token, coalesce(k.key_alias, k.key_name, k.token), k.spend, k.max_budget,
                               k.budget_reset_at, 2, 'key:' || k.token
                        from {litellm}."LiteLLM_VerificationToken" k where k.user_id = :id
                    ) x
                    order by x.rank, x.spend desc, x.id
                    limit :limit""")
                    .setParameter("id", userId).setParameter("limit", ROW_LIMIT).getResultList();
            return new SpendReport(userId, toRows(rows, recent), recent == null ? skipped : null);
        });
    }

    private static List<SpendRow> toRows(List<Object[]> rows, Map<String, Double> recent) {
        List<SpendRow> result = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            result.add(new SpendRow((String) row[0], (String) row[1], (String) row[2], ((Number) row[3]).doubleValue(),
                    row[4] == null ? null : ((Number) row[4]).doubleValue(), time((String) row[5]),
                    recent == null ? null : recent.getOrDefault((String) row[6], 0.0)));
        }
        return result;
    }

    private String skipReason(EntityManager em, String column) {
        Object[] row = (Object[]) em.createNativeQuery("""
                select coalesce(max(case when c.relkind = 'p'
                            then (select coalesce(sum(greatest(p.reltuples, 0)), 0) from pg_inherits i
                                  join pg_class p on p.oid = i.inhrelid where i.inhparent = c.oid)
                            else greatest(c.reltuples, 0) end), -1)::bigint,
                       coalesce(bool_or(exists (select 1 from pg_index x join pg_attribute a
                                   on a.attrelid = x.indrelid and a.attnum = x.indkey[0]
                               where x.indrelid = c.oid and a.attname = :column)), false)
                from pg_class c join pg_namespace n on n.oid = c.relnamespace
                where n.nspname = :schema and c.relname = 'LiteLLM_SpendLogs'""")
                .setParameter("schema", database.target().schemas().litellm())
                .setParameter("column", column)
                .getSingleResult();
        long estimate = ((Number) row[0]).longValue();
        if (estimate < 0) {
            return "no LiteLLM_SpendLogs table";
        }
        if ((Boolean) row[1] || estimate <= unindexedScanLimit) {
            return null;
        }
        return "~" + estimate + " rows and no index on " + column;
    }

    /**
     * Spend of the last 24 hours within one organization, team or user (by {@code column}), grouped by
     * organization, team, user and key: one read of a range of the indexed {@code "startTime"}.
     */
    private static Map<String, Double> recent(EntityManager em, String column, String id) {
        String filter = switch (column) {
            case "organization_id" -> "s.organization_id";
            case "team_id" -> "s.team_id";
            default -> "s.\"user\"";
        };
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                select case when grouping(s.organization_id) = 0 then 'org:' || s.organization_id
                            when grouping(s.team_id) = 0 then 'team:' || s.team_id
                            when grouping(s."user") = 0 then 'user:' || s."user"
                            else 'key:' || s.api_key end, sum(s.spend)
                from {litellm}."LiteLLM_SpendLogs" s
                where s."startTime" >= timezone('utc', now()) - interval '24 hours' and %s = :id
                group by grouping sets ((s.organization_id), (s.team_id), (s."user"), (s.api_key))""".formatted(filter))
                .setParameter("id", id)
                .getResultList();
        Map<String, Double> totals = new HashMap<>();
        for (Object[] row : rows) {
            if (row[0] != null) {
                totals.put((String) row[0], ((Number) row[1]).doubleValue());
            }
        }
        return totals;
    }

    private static LocalDateTime time(String text) {
        if (text == null) {
            return null;
        }
        try {
            return LocalDateTime.parse(text.replace(' ', 'T'));
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
