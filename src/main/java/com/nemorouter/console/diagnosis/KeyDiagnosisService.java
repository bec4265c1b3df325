package com.nemorouter.console.diagnosis;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.nemorouter.console.connection.Database;
import com.nemorouter.console.connection.LiteLlmGeneration;
import com.nemorouter.console.presence.PresenceQuery;

import jakarta.persistence.EntityManager;

/**
 * "Why is this key rejected?": reads what LiteLLM's proxy reads for a key and runs its checks
 * ({@link KeyChecks}). One read-only transaction of three statements: the catalog ({@link DiagnosisCatalog}),
 * the key with every row joined to it ({@link KeyFactsQuery}), and the SpendLogs cross-check
 * ({@link SpendLogsCrossCheck}), which is skipped on a large table without an index on {@code api_key} unless
 * asked for. Runs on a background thread; the raw key never reaches it.
 */
public final class KeyDiagnosisService {

    static final String CACHE_NOTE = "LiteLLM's proxy caches keys, teams, users and end users for 60 s by default "
            + "(user_api_key_cache_ttl), organizations and memberships for 5 s: a change made in the database is "
            + "seen only when that cache expires (an API change clears it only on the pod that served it, unless "
            + "Redis caching is on).";

    private final Database database;
    private final long unindexedScanLimit;
    /** The profile's LiteLLM version, or null to infer it from the schema. */
    private final VersionAssumption profileVersion;
    private final KeyFactsQuery factsQuery = new KeyFactsQuery();

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
        DiagnosisCatalog catalog = DiagnosisCatalog.read(em, database.target().schemas().litellm());
        VersionAssumption assumed = request.version() != null ? request.version()
                : profileVersion != null ? profileVersion : inferVersion();
        KeyFacts facts = factsQuery.read(em, request, catalog);
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
                SpendLogsCrossCheck crossCheck = SpendLogsCrossCheck.read(em, KeyChecks.text(key, "token"), teamId,
                        userId, orgId, facts.now(), skip == null);
                spendLogs = crossCheck.summary();
                recent = crossCheck.byScope();
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
        for (Budgeted budgeted : List.of(new Budgeted("key", facts.key()), new Budgeted("team", facts.team()),
                new Budgeted("user", facts.user()), new Budgeted("team member budget", facts.memberBudget()),
                new Budgeted("organization budget", facts.orgBudget()))) {
            LocalDateTime reset = budgeted.row() == null ? null : KeyChecks.time(budgeted.row(), "budget_reset_at");
            if (reset != null && reset.isBefore(now)) {
                overdue.add(budgeted.name() + " (" + reset + " UTC)");
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

    /** A row with a budget that resets, or null, under the name a caveat gives it. */
    private record Budgeted(String name, JsonNode row) {
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
}
