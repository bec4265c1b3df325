package com.nemorouter.console.diagnosis;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nemorouter.console.connection.Database;
import com.nemorouter.console.connection.LiteLlmGeneration;
import com.nemorouter.console.presence.PresenceQuery;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

/**
 * "Why is this key rejected?": reads what LiteLLM's proxy reads for a key and runs its checks
 * ({@link KeyChecks}). One read-only transaction of three statements (the catalog, the key with every row
 * joined to it, and the SpendLogs cross-check, which is skipped on a large table without an index on
 * {@code api_key} unless asked for). Runs on a background thread; the raw key never reaches it.
 */
public final class KeyDiagnosisService {

    static final String CACHE_NOTE = "LiteLLM's proxy caches keys, teams, users and end users for 60 s by default "
            + "(user_api_key_cache_ttl), organizations and memberships for 5 s: a change made in the database is "
            + "seen only when that cache expires (an API change clears it only on the pod that served it, unless "
            + "Redis caching is on).";

    private static final Set<String> TABLES = Set.of("LiteLLM_DeprecatedVerificationToken", "LiteLLM_EndUserTable",
            "LiteLLM_ModelTable", "LiteLLM_ProxyModelTable", "LiteLLM_VerificationToken", "LiteLLM_TeamTable",
            "LiteLLM_SpendLogs");

    private final Database database;
    private final long unindexedScanLimit;
    /** The profile's LiteLLM version, or null to infer it from the schema. */
    private final VersionAssumption profileVersion;
    private final ObjectMapper json = new ObjectMapper();

    public KeyDiagnosisService(Database database) {
        this(database, null);
    }

    /**
     * @param profileVersion the connection profile's "LiteLLM version" (null or empty: infer it from the schema)
     * @throws IllegalArgumentException when the profile's version is not a version
     */
    public KeyDiagnosisService(Database database, String profileVersion) {
        this(database, profileVersion, PresenceQuery.DEFAULT_UNINDEXED_SCAN_LIMIT);
    }

    /** @param unindexedScanLimit SpendLogs estimated above this many rows is not scanned by api_key unless asked */
    public KeyDiagnosisService(Database database, String profileVersion, long unindexedScanLimit) {
        this.database = database;
        this.unindexedScanLimit = unindexedScanLimit;
        this.profileVersion = profileVersion == null || profileVersion.isBlank() ? null
                : new VersionAssumption(LiteLlmVersion.parse(profileVersion), "the profile's LiteLLM version");
    }

    /** Diagnoses in one read-only transaction. */
    public KeyDiagnosis diagnose(DiagnosisRequest request) {
        return database.read(em -> diagnose(em, request));
    }

    /** Inside the caller's transaction (a fix re-diagnoses before it commits). */
    KeyDiagnosis diagnose(EntityManager em, DiagnosisRequest request) {
        Catalog catalog = catalog(em);
        VersionAssumption assumed = request.version() != null ? request.version()
                : profileVersion != null ? profileVersion : inferVersion();
        KeyFacts facts = facts(em, request, catalog);
        KeyChecks.Verdict verdict = KeyChecks.evaluate(facts, request.model(), request.route(), request.endUser(),
                assumed.version());
        JsonNode key = facts.key();
        String teamId = key == null ? null : KeyChecks.text(key, "team_id");
        String userId = key == null ? null : KeyChecks.text(key, "user_id");
        String orgId = facts.org() == null ? null : KeyChecks.text(facts.org(), "organization_id");
        Map<String, Double> recent = Map.of();
        SpendLogSummary spendLogs;
        if (key == null) {
            spendLogs = SpendLogSummary.skipped("the key was not found");
        } else {
            String skip = catalog.spendLogsSkipReason(unindexedScanLimit);
            if (skip != null && !request.scanSpendLogs()) {
                spendLogs = SpendLogSummary.skipped(skip);
            } else {
                SpendLogRead read = spendLogs(em, KeyChecks.text(key, "token"), teamId, userId, orgId, facts.now(),
                        skip == null);
                spendLogs = read.summary();
                recent = read.byScope();
            }
        }
        return new KeyDiagnosis(request.tokenHash(), key == null ? null : KeyChecks.text(key, "token"),
                key == null ? null : KeyChecks.text(key, "key_alias"), teamId, userId, orgId, request.model(),
                request.route() == null ? KeyChecks.DEFAULT_ROUTE : request.route(), request.endUser(),
                verdict.firstFailure(), verdict.checks(), assumed, caveats(facts, assumed),
                key == null ? null : KeyChecks.time(key, "updated_at"),
                facts.team() == null ? null : KeyChecks.time(facts.team(), "updated_at"), facts.now(),
                spendLines(facts, recent), spendLogs);
    }

    /**
     * The version to assume when neither the profile nor the command line names one: the schema generation
     * the connection recognised (issue 7/9). Anything older than the newest assumes the oldest behaviour.
     */
    VersionAssumption inferVersion() {
        LiteLlmGeneration generation = database.liteLlmGeneration();
        return switch (generation.era()) {
            case NEWEST -> new VersionAssumption(LiteLlmVersion.NEWEST,
                    "inferred from the schema: newest generation, every optional column present");
            case UNKNOWN -> new VersionAssumption(LiteLlmVersion.NEWEST,
                    "the schema generation was not recognised; newest assumed");
            default -> new VersionAssumption(LiteLlmVersion.parse(generation.assumedVersion()),
                    "inferred from the schema: " + generation.era().label() + ", " + generation.absent().size()
                            + " optional column(s) absent; set the profile's LiteLLM version or --litellm-version");
        };
    }

    /** The caveats, stated plainly; the ones that apply to this key's rows come first. */
    private static List<String> caveats(KeyFacts facts, VersionAssumption assumed) {
        List<String> caveats = new ArrayList<>();
        LocalDateTime now = facts.now();
        for (String[] scope : new String[][] {{"key", "key"}, {"team", "team"}}) {
            JsonNode row = scope[0].equals("key") ? facts.key() : facts.team();
            LocalDateTime updated = row == null ? null : KeyChecks.time(row, "updated_at");
            if (updated != null && !updated.isAfter(now) && Duration.between(updated, now).toSeconds() < 60) {
                caveats.add("The " + scope[1] + " row changed " + Duration.between(updated, now).toSeconds()
                        + " s ago: the proxy may still hold the old row in its cache.");
            }
        }
        List<String> overdue = new ArrayList<>();
        for (Object[] scope : new Object[][] {{"key", facts.key()}, {"team", facts.team()}, {"user", facts.user()},
                {"team member budget", facts.memberBudget()}, {"organization budget", facts.orgBudget()}}) {
            JsonNode row = (JsonNode) scope[1];
            LocalDateTime reset = row == null ? null : KeyChecks.time(row, "budget_reset_at");
            if (reset != null && reset.isBefore(now)) {
                overdue.add(scope[0] + " (" + reset + " UTC)");
            }
        }
        if (!overdue.isEmpty()) {
            caveats.add("Budget reset overdue for " + String.join(", ", overdue) + ": the reset job runs about every "
                    + "10 minutes; until it has, the old spend still counts.");
        }
        caveats.add(CACHE_NOTE);
        caveats.add("Spend reaches the database in batches (every 10 s by default, often 60 s); the newest versions "
                + "enforce against Redis spend counters, which run ahead of the database.");
        caveats.add("Budget resets (budget_reset_at in the past) wait for a background job that runs about every "
                + "10 minutes.");
        if (assumed.version().reservesBudget()) {
            caveats.add("Budget reservation (v1.84+) charges an estimate up front: a request can be refused with "
                    + "budget_exceeded while the database spend is below the budget (LiteLLM's issues report "
                    + "\"phantom\" reservations).");
        }
        caveats.add("Rate limits (tpm, rpm, max_parallel_requests), per-model budgets and budget windows are counted "
                + "in Redis or memory only: the database cannot tell whether they reject the request.");
        return caveats;
    }

    private static List<SpendLine> spendLines(KeyFacts facts, Map<String, Double> recent) {
        List<SpendLine> lines = new ArrayList<>();
        JsonNode key = facts.key();
        if (key == null) {
            return lines;
        }
        lines.add(line("key", KeyChecks.text(key, "key_alias"), key, key, recent.get("key")));
        if (facts.team() != null) {
            lines.add(line("team", KeyChecks.text(facts.team(), "team_id"), facts.team(), facts.team(), recent.get("team")));
        }
        if (facts.membership() != null) {
            JsonNode budget = facts.memberBudget() != null ? facts.memberBudget() : facts.teamMemberDefault();
            lines.add(line("team member", KeyChecks.text(facts.membership(), "user_id"), facts.membership(), budget, null));
        }
        if (facts.user() != null) {
            lines.add(line("user", KeyChecks.text(facts.user(), "user_id"), facts.user(), facts.user(), recent.get("user")));
        }
        if (facts.org() != null) {
            lines.add(line("organization", KeyChecks.text(facts.org(), "organization_id"), facts.org(), facts.orgBudget(),
                    recent.get("organization")));
        }
        return lines;
    }

    private static SpendLine line(String scope, String id, JsonNode spendRow, JsonNode budgetRow, Double recent) {
        Double spend = KeyChecks.num(spendRow, "spend");
        return new SpendLine(scope, id, spend == null ? 0 : spend, budgetRow == null ? null : KeyChecks.num(budgetRow, "max_budget"),
                budgetRow == null ? null : KeyChecks.time(budgetRow, "budget_reset_at"), recent);
    }

    // ---- statement 1: the catalog ------------------------------------------------------------------

    /** Which optional LiteLLM tables and columns exist, and how large SpendLogs is. */
    record Catalog(Map<String, Set<String>> columns, long spendLogRows, boolean apiKeyIndexed) {

        boolean has(String table) {
            return columns.containsKey(table);
        }

        boolean has(String table, String column) {
            return columns.getOrDefault(table, Set.of()).contains(column);
        }

        String spendLogsSkipReason(long limit) {
            if (!has("LiteLLM_SpendLogs")) {
                return "no LiteLLM_SpendLogs table";
            }
            if (apiKeyIndexed || spendLogRows <= limit) {
                return null;
            }
            return "~" + spendLogRows + " rows and no index on api_key";
        }
    }

    @SuppressWarnings("unchecked")
    private Catalog catalog(EntityManager em) {
        List<Object[]> rows = em.createNativeQuery("""
                select c.relname::text,
                       array(select a.attname::text from pg_attribute a
                             where a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
                               and a.attname in ('budget_limits', 'allowed_routes', 'model_id', 'object_permission_id',
                                                 'aliases', 'model_info', 'budget_id')),
                       case when c.relkind = 'p'
                            then (select coalesce(sum(greatest(p.reltuples, 0)), 0) from pg_inherits i
                                  join pg_class p on p.oid = i.inhrelid where i.inhparent = c.oid)
                            else greatest(c.reltuples, 0) end::bigint,
                       exists (select 1 from pg_index x join pg_attribute a
                                   on a.attrelid = x.indrelid and a.attnum = x.indkey[0]
                               where x.indrelid = c.oid and a.attname = 'api_key')
                from pg_class c join pg_namespace n on n.oid = c.relnamespace
                where n.nspname = :schema and c.relkind in ('r', 'p', 'v') and c.relname = any(cast(:tables as text[]))""")
                .setParameter("schema", database.target().schemas().litellm())
                .setParameter("tables", "{" + String.join(",", TABLES) + "}")
                .getResultList();
        Map<String, Set<String>> columns = new HashMap<>();
        long spendLogRows = 0;
        boolean indexed = false;
        for (Object[] row : rows) {
            Set<String> names = new HashSet<>();
            if (row[1] instanceof String[] array) {
                names.addAll(List.of(array));
            } else if (row[1] instanceof Object[] array) {
                for (Object name : array) {
                    names.add(String.valueOf(name));
                }
            }
            columns.put((String) row[0], names);
            if ("LiteLLM_SpendLogs".equals(row[0])) {
                spendLogRows = ((Number) row[2]).longValue();
                indexed = (Boolean) row[3];
            }
        }
        return new Catalog(columns, spendLogRows, indexed);
    }

    // ---- statement 2: the key and every row LiteLLM joins to it -------------------------------------

    private KeyFacts facts(EntityManager em, DiagnosisRequest request, Catalog catalog) {
        boolean rotation = catalog.has("LiteLLM_DeprecatedVerificationToken");
        boolean endUsers = catalog.has("LiteLLM_EndUserTable");
        boolean teamAliases = catalog.has("LiteLLM_ModelTable") && catalog.has("LiteLLM_TeamTable", "model_id");
        boolean groups = catalog.has("LiteLLM_ProxyModelTable", "model_info");
        String sql = """
                with input as (select cast(:token as text) as token, timezone('utc', now()) as now_utc),
                dep as (%s),
                live as (
                    select k.* from {litellm}."LiteLLM_VerificationToken" k join input i on k.token = i.token
                    union all
                    select k.* from {litellm}."LiteLLM_VerificationToken" k
                    join dep d on k.token = d.active_token_id and d.revoke_at > (select now_utc from input)
                    where not exists (select 1 from {litellm}."LiteLLM_VerificationToken" x join input i on x.token = i.token)
                    limit 1)
                select cast(i.now_utc as text),
                       cast(case when k.token is null then null else to_jsonb(k) end as text),
                       (select cast(to_jsonb(d) as text) from dep d where k.token is not null and d.active_token_id = k.token
                            and k.token <> i.token limit 1),
                       (select cast(to_jsonb(d) as text) from dep d where k.token is null limit 1),
                       cast(case when t.team_id is null then null else to_jsonb(t) end as text),
                       cast(case when m.user_id is null then null else to_jsonb(m) end as text),
                       cast(case when mb.budget_id is null then null else to_jsonb(mb) end as text),
                       cast(case when tb.budget_id is null then null else to_jsonb(tb) end as text),
                       cast(case when u.user_id is null then null else to_jsonb(u) end as text),
                       cast(case when o.organization_id is null then null else to_jsonb(o) end as text),
                       cast(case when ob.budget_id is null then null else to_jsonb(ob) end as text),
                       %s,
                       %s,
                       %s
                from input i
                left join live k on true
                left join {litellm}."LiteLLM_TeamTable" t on t.team_id = k.team_id
                left join {litellm}."LiteLLM_TeamMembership" m on m.team_id = k.team_id and m.user_id = k.user_id
                left join {litellm}."LiteLLM_BudgetTable" mb on mb.budget_id = m.budget_id
                left join {litellm}."LiteLLM_BudgetTable" tb on tb.budget_id = t.metadata ->> 'team_member_budget_id'
                left join {litellm}."LiteLLM_UserTable" u on u.user_id = k.user_id
                left join {litellm}."LiteLLM_OrganizationTable" o on o.organization_id = coalesce(t.organization_id, k.organization_id)
                left join {litellm}."LiteLLM_BudgetTable" ob on ob.budget_id = o.budget_id
                """.formatted(
                rotation ? "select d.* from {litellm}.\"LiteLLM_DeprecatedVerificationToken\" d join input i on d.token = i.token"
                        : "select cast(null as text) as token, cast(null as text) as active_token_id, "
                        + "cast(null as timestamp) as revoke_at where false",
                endUsers ? """
                        (select cast(jsonb_build_object('row', to_jsonb(e), 'budget', to_jsonb(eb)) as text)
                         from {litellm}."LiteLLM_EndUserTable" e
                         left join {litellm}."LiteLLM_BudgetTable" eb on eb.budget_id = e.budget_id
                         where e.user_id = cast(:end_user as text))""" : "cast(null as text)",
                teamAliases ? """
                        (select cast(mt.aliases as text) from {litellm}."LiteLLM_ModelTable" mt where mt.id = t.model_id)"""
                        : "cast(null as text)",
                groups ? """
                        (select cast(jsonb_agg(jsonb_build_object('model', p.model_name, 'groups', p.model_info -> 'access_groups')) as text)
                         from {litellm}."LiteLLM_ProxyModelTable" p where jsonb_typeof(p.model_info -> 'access_groups') = 'array')"""
                        : "cast(null as text)");
        Query query = em.createNativeQuery(sql).setParameter("token", request.tokenHash());
        if (endUsers) {
            query.setParameter("end_user", request.endUser() == null ? "" : request.endUser());
        }
        Object[] row = (Object[]) query.getSingleResult();
        JsonNode key = parse(row[1]);
        JsonNode endUser = parse(row[11]);
        Map<String, String> aliases = new LinkedHashMap<>();
        addAliases(aliases, parse(row[12]));
        if (key != null) {
            addAliases(aliases, key.get("aliases"));
        }
        Map<String, Set<String>> accessGroups = new HashMap<>();
        JsonNode models = parse(row[13]);
        if (models != null) {
            for (JsonNode model : models) {
                for (JsonNode group : model.path("groups")) {
                    accessGroups.computeIfAbsent(group.asText(), name -> new HashSet<>()).add(model.path("model").asText());
                }
            }
        }
        return new KeyFacts(request.tokenHash(), key, parse(row[2]), parse(row[3]), parse(row[4]), parse(row[5]),
                parse(row[6]), parse(row[7]), parse(row[8]), parse(row[9]), parse(row[10]),
                endUser == null || endUser.path("row").isNull() ? null : endUser.get("row"),
                endUser == null || endUser.path("budget").isNull() ? null : endUser.get("budget"), endUsers, aliases,
                accessGroups, KeyChecks.parseTime((String) row[0]));
    }

    private static void addAliases(Map<String, String> aliases, JsonNode node) {
        if (node != null && node.isObject()) {
            node.fields().forEachRemaining(entry -> {
                if (entry.getValue().isTextual()) {
                    aliases.putIfAbsent(entry.getKey(), entry.getValue().asText());
                }
            });
        }
    }

    private JsonNode parse(Object text) {
        if (text == null) {
            return null;
        }
        try {
            return json.readTree((String) text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The database returned a row that is not JSON: " + e.getOriginalMessage(), e);
        }
    }

    // ---- statement 3: the SpendLogs cross-check -----------------------------------------------------

    private record SpendLogRead(SpendLogSummary summary, Map<String, Double> byScope) {
    }

    /**
     * The last 24 hours of SpendLogs for the key, its team, user and organization (a range on the indexed
     * {@code "startTime"}), and the key's latest entry: over all time when the table is small or indexed on
     * api_key, else within the 24 hours.
     */
    private SpendLogRead spendLogs(EntityManager em, String token, String team, String user, String org,
                                   LocalDateTime now, boolean allTime) {
        Object[] row = (Object[]) em.createNativeQuery("""
                with recent as (
                    select s.api_key, s.team_id, s."user", s.organization_id, s.spend
                    from {litellm}."LiteLLM_SpendLogs" s
                    where s."startTime" >= cast(:since as timestamp)
                      and (s.api_key = :token or s.team_id = :team or s."user" = :user or s.organization_id = :org)),
                latest as (
                    select s.request_id, s."startTime", s.model, s.status, s.spend
                    from {litellm}."LiteLLM_SpendLogs" s
                    where s.api_key = :token and (:all_time or s."startTime" >= cast(:since as timestamp))
                    order by s."startTime" desc limit 1)
                select (select count(*) from recent r where r.api_key = :token),
                       (select coalesce(sum(r.spend), 0) from recent r where r.api_key = :token),
                       (select coalesce(sum(r.spend), 0) from recent r where r.team_id = :team),
                       (select coalesce(sum(r.spend), 0) from recent r where r."user" = :user),
                       (select coalesce(sum(r.spend), 0) from recent r where r.organization_id = :org),
                       l.request_id, cast(l."startTime" as text), l.model, l.status, l.spend
                from (select 1) one left join latest l on true""")
                .setParameter("since", Timestamp.valueOf(now.minusHours(24)).toString())
                .setParameter("token", token)
                .setParameter("team", team == null ? "" : team)
                .setParameter("user", user == null ? "" : user)
                .setParameter("org", org == null ? "" : org)
                .setParameter("all_time", allTime)
                .getSingleResult();
        Map<String, Double> byScope = new HashMap<>();
        byScope.put("key", ((Number) row[1]).doubleValue());
        if (team != null) {
            byScope.put("team", ((Number) row[2]).doubleValue());
        }
        if (user != null) {
            byScope.put("user", ((Number) row[3]).doubleValue());
        }
        if (org != null) {
            byScope.put("organization", ((Number) row[4]).doubleValue());
        }
        SpendLogSummary summary = new SpendLogSummary(null, ((Number) row[0]).longValue(), ((Number) row[1]).doubleValue(),
                (String) row[5], KeyChecks.parseTime((String) row[6]), (String) row[7], (String) row[8],
                row[9] == null ? null : ((Number) row[9]).doubleValue(), allTime ? "all time" : "last 24 h");
        return new SpendLogRead(summary, byScope);
    }
}
