package com.nemorouter.console.spend;

import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.nemorouter.console.connection.Database;
import com.nemorouter.console.connection.SqlRows;
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
        return report(organizationId, "organization_id", scanSpendLogs,
                ORGANIZATION, ORGANIZATION_TEAMS, ORGANIZATION_MEMBERS, ORGANIZATION_TEAM_MEMBERS);
    }

    /**
     * A team's spend at a glance: the team, its members' team budgets (from its roster, so the TeamMembership
     * reads use its primary key) and its keys.
     */
    public SpendReport team(String teamId, boolean scanSpendLogs) {
        return report(teamId, "team_id", scanSpendLogs, TEAM, TEAM_MEMBERS, keys("team_id"));
    }

    /** A member's spend at a glance: the user's own budget, their team budgets and their keys. */
    public SpendReport member(String userId, boolean scanSpendLogs) {
        return report(userId, "user", scanSpendLogs, USER, USER_TEAM_MEMBERSHIPS, keys("user_id"));
    }

    // ---- the reports' one query shape -------------------------------------------------------------

    /**
     * One line of a report as the query returns it: every branch selects {@code scope, id, name, spend,
     * max_budget, budget_reset_at, rank, recent_key}, where {@code recent_key} names the line's total in
     * {@link #recent} ({@code org:}, {@code team:}, {@code user:} or {@code key:} and the id), or is null for a
     * line SpendLogs cannot attribute (a team member within an organization).
     */
    private record Line(String scope, String id, String name, double spend, Double maxBudget, String budgetResetAt,
                        String recentKey) {
    }

    private static final String ORGANIZATION = """
            select 'organization' as scope, o.organization_id as id, o.organization_alias as name, o.spend,
                   b.max_budget, b.budget_reset_at, 0 as rank, 'org:' || o.organization_id as recent_key
            from {litellm}."LiteLLM_OrganizationTable" o
            left join {litellm}."LiteLLM_BudgetTable" b on b.budget_id = o.budget_id
            where o.organization_id = :id""";

    private static final String ORGANIZATION_TEAMS = """
            select 'team' as scope, t.team_id as id, coalesce(t.team_alias, t.team_id) as name, t.spend,
                   t.max_budget, t.budget_reset_at, 1 as rank, 'team:' || t.team_id as recent_key
            from {litellm}."LiteLLM_TeamTable" t where t.organization_id = :id""";

    private static final String ORGANIZATION_MEMBERS = """
            select 'member' as scope, u.user_id as id, coalesce(u.user_email, u.user_id) as name, u.spend,
                   u.max_budget, u.budget_reset_at, 2 as rank, 'user:' || u.user_id as recent_key
            from {litellm}."LiteLLM_OrganizationMembership" m
            join {litellm}."LiteLLM_UserTable" u on u.user_id = m.user_id
            where m.organization_id = :id""";

    /** A team's rostered members joined to their team membership and its budget ({@code t}, {@code tm}, {@code mb}). */
    private static final String ROSTERED_TEAM_MEMBERSHIPS = """
            from {litellm}."LiteLLM_TeamTable" t
            cross join lateral jsonb_array_elements(%s) r
            join {litellm}."LiteLLM_TeamMembership" tm on tm.user_id = r.value ->> 'user_id' and tm.team_id = t.team_id
            left join {litellm}."LiteLLM_BudgetTable" mb on mb.budget_id = tm.budget_id
            """.formatted(Rosters.members("t"));

    private static final String ORGANIZATION_TEAM_MEMBERS = """
            select 'team member' as scope, t.team_id || '/' || tm.user_id as id,
                   coalesce(t.team_alias, t.team_id) || ' / ' || tm.user_id as name, tm.spend, mb.max_budget,
                   mb.budget_reset_at, 3 as rank, cast(null as text) as recent_key
            """ + ROSTERED_TEAM_MEMBERSHIPS + """
            where t.organization_id = :id""";

    private static final String TEAM = """
            select 'team' as scope, t.team_id as id, coalesce(t.team_alias, t.team_id) as name, t.spend,
                   t.max_budget, t.budget_reset_at, 0 as rank, 'team:' || t.team_id as recent_key
            from {litellm}."LiteLLM_TeamTable" t where t.team_id = :id""";

    private static final String TEAM_MEMBERS = """
            select 'team member' as scope, tm.user_id as id, coalesce(r.value ->> 'user_email', tm.user_id) as name,
                   tm.spend, mb.max_budget, mb.budget_reset_at, 1 as rank, 'user:' || tm.user_id as recent_key
            """ + ROSTERED_TEAM_MEMBERSHIPS + """
            where t.team_id = :id""";

    private static final String USER = """
            select 'user' as scope, u.user_id as id, coalesce(u.user_email, u.user_id) as name, u.spend,
                   u.max_budget, u.budget_reset_at, 0 as rank, 'user:' || u.user_id as recent_key
            from {litellm}."LiteLLM_UserTable" u where u.user_id = :id""";

    private static final String USER_TEAM_MEMBERSHIPS = """
            select 'team member' as scope, tm.team_id as id, coalesce(t.team_alias, tm.team_id) as name, tm.spend,
                   mb.max_budget, mb.budget_reset_at, 1 as rank, 'team:' || tm.team_id as recent_key
            from {litellm}."LiteLLM_TeamMembership" tm
            left join {litellm}."LiteLLM_TeamTable" t on t.team_id = tm.team_id
            left join {litellm}."LiteLLM_BudgetTable" mb on mb.budget_id = tm.budget_id
            where tm.user_id = :id""";

    /** The keys of a team or a user, by {@code column} of LiteLLM_VerificationToken (a constant, never input). */
    private static String keys(String column) {
        return """
                select 'key' as scope, k.token as id, coalesce(k.key_alias, k.key_name, k.token) as name, k.spend,
                       k.max_budget, k.budget_reset_at, 2 as rank, 'key:' || k.token as recent_key
                from {litellm}."LiteLLM_VerificationToken" k where k.""" + column + " = :id";
    }

    /**
     * The branches' lines in one statement, by rank, then highest spend first; with the 24-hour cross-check
     * of SpendLogs by {@code spendLogsColumn} when it is cheap or asked for. At most three statements.
     */
    private SpendReport report(String id, String spendLogsColumn, boolean scanSpendLogs, String... branches) {
        String sql = "select x.scope, x.id, x.name, x.spend, x.max_budget, cast(x.budget_reset_at as text), x.recent_key\n"
                + "from (\n" + String.join("\nunion all\n", branches) + "\n) x\n"
                + "order by x.rank, x.spend desc, x.id\nlimit :limit";
        return database.read(em -> {
            String skipped = skipReason(em, spendLogsColumn);
            Map<String, Double> recent = skipped == null || scanSpendLogs ? recent(em, spendLogsColumn, id) : null;
            List<Line> lines = SqlRows.select(em, sql, Line.class)
                    .setParameter("id", id)
                    .setParameter("limit", ROW_LIMIT)
                    .getResultList();
            List<SpendRow> rows = new ArrayList<>(lines.size());
            for (Line line : lines) {
                Double last24h = recent == null || line.recentKey() == null ? null
                        : recent.getOrDefault(line.recentKey(), 0.0);
                rows.add(new SpendRow(line.scope(), line.id(), line.name(), line.spend(), line.maxBudget(),
                        time(line.budgetResetAt()), last24h));
            }
            return new SpendReport(id, rows, recent == null ? skipped : null);
        });
    }

    /** The planner's estimate of SpendLogs' rows (-1 without the table), and whether {@code column} leads an index. */
    private record SpendLogsSize(long estimate, boolean indexed) {
    }

    private String skipReason(EntityManager em, String column) {
        SpendLogsSize size = SqlRows.select(em, """
                select coalesce(max(case when c.relkind = 'p'
                            then (select coalesce(sum(greatest(p.reltuples, 0)), 0) from pg_inherits i
                                  join pg_class p on p.oid = i.inhrelid where i.inhparent = c.oid)
                            else greatest(c.reltuples, 0) end), -1)::bigint,
                       coalesce(bool_or(exists (select 1 from pg_index x join pg_attribute a
                                   on a.attrelid = x.indrelid and a.attnum = x.indkey[0]
                               where x.indrelid = c.oid and a.attname = :column)), false)
                from pg_class c join pg_namespace n on n.oid = c.relnamespace
                where n.nspname = :schema and c.relname = 'LiteLLM_SpendLogs'""", SpendLogsSize.class)
                .setParameter("schema", database.target().schemas().litellm())
                .setParameter("column", column)
                .getSingleResult();
        if (size.estimate() < 0) {
            return "no LiteLLM_SpendLogs table";
        }
        if (size.indexed() || size.estimate() <= unindexedScanLimit) {
            return null;
        }
        return "~" + size.estimate() + " rows and no index on " + column;
    }

    /** @param key {@code org:}, {@code team:}, {@code user:} or {@code key:} and the id; null for a null id */
    private record RecentSpend(String key, double spend) {
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
        // A group whose spends are all null sums to 0: nothing was counted against its budget.
        List<RecentSpend> totals = SqlRows.select(em, """
                select case when grouping(s.organization_id) = 0 then 'org:' || s.organization_id
                            when grouping(s.team_id) = 0 then 'team:' || s.team_id
                            when grouping(s."user") = 0 then 'user:' || s."user"
                            else 'key:' || s.api_key end, coalesce(sum(s.spend), 0)
                from {litellm}."LiteLLM_SpendLogs" s
                where s."startTime" >= timezone('utc', now()) - interval '24 hours' and %s = :id
                group by grouping sets ((s.organization_id), (s.team_id), (s."user"), (s.api_key))""".formatted(filter),
                RecentSpend.class)
                .setParameter("id", id)
                .getResultList();
        Map<String, Double> byKey = new HashMap<>();
        for (RecentSpend total : totals) {
            if (total.key() != null) {
                byKey.put(total.key(), total.spend());
            }
        }
        return byKey;
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
