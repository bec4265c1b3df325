package com.nemorouter.console.diagnosis;

import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * LiteLLM's checks for a virtual key, evaluated on the rows its proxy would read ({@link KeyFacts}), in its
 * order, with its operators ({@code >} or {@code >=}, NULL handling) and, for the first failure, the status,
 * error type and message of the version assumed. Pure: no database, no clock of its own.
 */
final class KeyChecks {

    // size: one cohesive thing, kept whole on purpose: LiteLLM's 15 checks, one method each, in the order its
    // proxy runs them, sharing the first-failure ranking and the version's status/type/message. Split apart,
    // the order (and which failure wins) would no longer be readable in one place. The small helpers at the
    // end (JSON field readers, percent) are shared with KeyDiagnosisService and SpendLine.

    static final String DEFAULT_ROUTE = "/chat/completions";

    /** LiteLLM's {@code llm_api_routes} group, the routes a key's {@code allowed_routes} may name as one. */
    private static final Set<String> LLM_API_ROUTES = Set.of("/chat/completions", "/completions", "/embeddings",
            "/responses", "/messages", "/images/generations", "/audio/transcriptions", "/audio/speech",
            "/moderations", "/rerank", "/batches", "/files");

    record Verdict(List<CheckLine> checks, Rejection firstFailure) {
        boolean allowed() {
            return firstFailure == null;
        }
    }

    private final KeyFacts facts;
    private final String model;
    private final String route;
    private final String endUser;
    private final LiteLlmVersion version;
    private final List<CheckLine> lines = new ArrayList<>();
    /** Failures by LiteLLM's rank: the order checks run, with the late team-member budget after the user budget. */
    private final TreeMap<Integer, Rejection> failures = new TreeMap<>();

    private KeyChecks(KeyFacts facts, String model, String route, String endUser, LiteLlmVersion version) {
        this.facts = facts;
        this.model = model;
        this.route = route == null ? DEFAULT_ROUTE : route;
        this.endUser = endUser;
        this.version = version;
    }

    /**
     * @param model   the requested model, or null when the caller did not name one (model checks are then not applicable)
     * @param route   the route, {@code /chat/completions} when null
     * @param endUser the end-user id the request names, or null
     */
    static Verdict evaluate(KeyFacts facts, String model, String route, String endUser, LiteLlmVersion version) {
        KeyChecks checks = new KeyChecks(facts, model, route, endUser, version);
        checks.run();
        return new Verdict(List.copyOf(checks.lines), checks.failures.isEmpty() ? null : checks.failures.firstEntry().getValue());
    }

    private void run() {
        JsonNode key = facts.key();
        if (key == null) {
            String detail = "LiteLLM_VerificationToken has no row with this hash, and no rotated key points to one";
            if (facts.expiredRotation() != null) {
                LocalDateTime revokeAt = time(facts.expiredRotation(), "revoke_at");
                detail = revokeAt != null && revokeAt.isAfter(facts.now())
                        ? "the key was rotated, but its replacement " + text(facts.expiredRotation(), "active_token_id")
                                + " no longer exists (LiteLLM_DeprecatedVerificationToken)"
                        : "the key was rotated and its grace period ended at " + revokeAt
                                + " UTC (LiteLLM_DeprecatedVerificationToken)";
            }
            fail(CheckId.KEY_NOT_FOUND, detail, 401, version.atLeast(LiteLlmVersion.EXPIRED_401) ? "token_not_found_in_db" : "auth_error",
                    "Authentication Error, Invalid proxy server token passed. Unable to find token in cache or "
                            + "`LiteLLM_VerificationTokenTable`");
            for (CheckId check : CheckId.values()) {
                if (check != CheckId.KEY_NOT_FOUND) {
                    lines.add(new CheckLine(check, Outcome.NOT_APPLICABLE, "the key was not found"));
                }
            }
            return;
        }
        if (facts.rotation() != null) {
            pass(CheckId.KEY_NOT_FOUND, "rotated key: in its grace period until " + text(facts.rotation(), "revoke_at")
                    + " UTC, it works as its replacement " + text(key, "token") + " (LiteLLM_DeprecatedVerificationToken)");
        } else {
            pass(CheckId.KEY_NOT_FOUND, "found in LiteLLM_VerificationToken");
        }
        keyBlocked(key);
        keyModelAccess(key);
        userDeactivated();
        teamMemberBudget(key);
        keyExpired(key);
        keyBudget(key);
        keyRoute(key);
        teamBlocked(key);
        teamModelAccess();
        userModelAccess(key);
        teamBudget();
        orgBudget();
        userBudget(key);
        endUserBudget();
    }

    private void keyBlocked(JsonNode key) {
        Boolean blocked = bool(key, "blocked");
        if (Boolean.TRUE.equals(blocked)) {
            fail(CheckId.KEY_BLOCKED, "blocked = true", 401, "auth_error",
                    "Authentication Error, Key is blocked. Update via `/key/unblock` if you're admin.");
        } else {
            pass(CheckId.KEY_BLOCKED, blocked == null ? "blocked is NULL (not blocked)" : "blocked = false");
        }
    }

    private void keyModelAccess(JsonNode key) {
        if (model == null) {
            lines.add(new CheckLine(CheckId.KEY_MODEL_ACCESS, Outcome.NOT_APPLICABLE,
                    "no model given; the key's models: " + describeModels(list(key, "models"))));
            return;
        }
        List<String> teamModels = facts.team() == null ? List.of() : list(facts.team(), "models");
        ModelAccess.Decision decision = ModelAccess.check(model, list(key, "models"), facts.aliases(),
                facts.accessGroups(), teamModels == null ? List.of() : teamModels);
        if (decision.allowed()) {
            pass(CheckId.KEY_MODEL_ACCESS, decision.detail());
        } else {
            fail(CheckId.KEY_MODEL_ACCESS, decision.detail(), 401, "key_model_access_denied",
                    "key not allowed to access model. This key can only access models=" + python(list(key, "models"))
                            + ". Tried to access " + model);
        }
    }

    private void userDeactivated() {
        JsonNode user = facts.user();
        if (user == null) {
            lines.add(new CheckLine(CheckId.USER_DEACTIVATED, Outcome.NOT_APPLICABLE,
                    "the key has no user (or its user has no LiteLLM_UserTable row)"));
            return;
        }
        JsonNode active = user.path("metadata").path("scim_active");
        if (active.isBoolean() && !active.asBoolean()) {
            fail(CheckId.USER_DEACTIVATED, "user " + text(user, "user_id") + " has metadata.scim_active = false", 401,
                    "auth_error", "Authentication Error, User=" + text(user, "user_id") + " is deactivated (SCIM).");
        } else {
            pass(CheckId.USER_DEACTIVATED, active.isBoolean() ? "metadata.scim_active = true" : "no metadata.scim_active (active)");
        }
    }

    /**
     * LiteLLM's two team-member budget checks in one line: early with the member's own budget row and
     * {@code >}, late (ranked after the user budget) with that or the team's default member budget and {@code >=}.
     */
    private void teamMemberBudget(JsonNode key) {
        JsonNode membership = facts.membership();
        if (facts.team() == null || text(key, "user_id") == null) {
            lines.add(new CheckLine(CheckId.TEAM_MEMBER_BUDGET, Outcome.NOT_APPLICABLE, "the key has no team or no user"));
            return;
        }
        if (membership == null) {
            lines.add(new CheckLine(CheckId.TEAM_MEMBER_BUDGET, Outcome.NOT_APPLICABLE,
                    "no LiteLLM_TeamMembership row for the key's user in its team (no member budget)"));
            return;
        }
        double spend = number(membership, "spend", 0);
        String who = "User=" + text(key, "user_id") + " in Team=" + text(key, "team_id");
        Double own = facts.memberBudget() == null ? null : num(facts.memberBudget(), "max_budget");
        if (own != null && own > 0 && spend > own) {
            failBudget(CheckId.TEAM_MEMBER_BUDGET, "member spend " + spend + " > its budget's max_budget " + own,
                    "Budget has been exceeded! " + who + " Current cost: " + spend + ", Max budget: " + own);
            return;
        }
        Double effective = own != null ? own
                : facts.teamMemberDefault() == null ? null : num(facts.teamMemberDefault(), "max_budget");
        if (effective != null && spend >= effective) {
            String source = own != null ? "its budget's" : "the team's default member budget's";
            Rejection rejection = new Rejection(CheckId.TEAM_MEMBER_BUDGET, version.budgetStatus(), "budget_exceeded",
                    "Budget has been exceeded! " + who + " Current cost: " + spend + ", Max budget: " + effective);
            failures.putIfAbsent(CheckId.USER_BUDGET.ordinal() * 10 + 5, rejection);
            lines.add(new CheckLine(CheckId.TEAM_MEMBER_BUDGET, Outcome.FAIL, "member spend " + spend + " >= " + source
                    + " max_budget " + effective + " (LiteLLM checks this late, after the user budget)"));
            return;
        }
        pass(CheckId.TEAM_MEMBER_BUDGET, effective == null ? "member spend " + spend + ", no member budget"
                : "member spend " + spend + " of " + effective + " (" + percent(spend, effective) + ")");
    }

    private void keyExpired(JsonNode key) {
        LocalDateTime expires = time(key, "expires");
        if (expires != null && expires.isBefore(facts.now())) {
            fail(CheckId.KEY_EXPIRED, "expired at " + expires + " UTC", version.expiredStatus(), "expired_key",
                    "Authentication Error - Expired Key. Key Expiry time " + expires + " and current time " + facts.now());
        } else {
            pass(CheckId.KEY_EXPIRED, expires == null ? "expires is NULL (never)" : "expires " + expires + " UTC");
        }
    }

    private void keyBudget(JsonNode key) {
        Double max = num(key, "max_budget");
        double spend = number(key, "spend", 0);
        if (max == null) {
            budgetPassOrUnknown(CheckId.KEY_BUDGET, key, "max_budget is NULL (no budget); spend " + spend);
            return;
        }
        JsonNode metadata = key.path("metadata");
        String increase = "";
        if (metadata.path("temp_budget_increase").isNumber()) {
            LocalDateTime until = parseTime(metadata.path("temp_budget_expiry").asText(null));
            if (until != null && until.isAfter(facts.now())) {
                double extra = metadata.path("temp_budget_increase").asDouble();
                max = max + extra;
                increase = " (including a temporary increase of " + extra + " until " + until + " UTC)";
            }
        }
        if (spend >= max) {
            failBudget(CheckId.KEY_BUDGET, "spend " + spend + " >= max_budget " + max + increase,
                    "Budget has been exceeded! Current cost: " + spend + ", Max budget: " + max);
        } else {
            budgetPassOrUnknown(CheckId.KEY_BUDGET, key, "spend " + spend + " of " + max + increase + " ("
                    + percent(spend, max) + ")");
        }
    }

    private void keyRoute(JsonNode key) {
        if (!version.hasKeyRouteGate()) {
            lines.add(new CheckLine(CheckId.KEY_ROUTE, Outcome.NOT_APPLICABLE, "no key route gate before v1.84"));
            return;
        }
        List<String> allowed = list(key, "allowed_routes");
        if (allowed == null || allowed.isEmpty()) {
            pass(CheckId.KEY_ROUTE, "allowed_routes is empty: every route");
            return;
        }
        String normal = route.startsWith("/v1/") ? route.substring(3) : route;
        for (String entry : allowed) {
            String entryNormal = entry.startsWith("/v1/") ? entry.substring(3) : entry;
            boolean match = entryNormal.equals(normal)
                    || entry.endsWith("*") && (route.startsWith(entry.substring(0, entry.length() - 1))
                            || normal.startsWith(entryNormal.substring(0, entryNormal.length() - 1)))
                    || entry.equals("llm_api_routes") && LLM_API_ROUTES.contains(normal);
            if (match) {
                pass(CheckId.KEY_ROUTE, route + " matches allowed_routes entry " + entry);
                return;
            }
        }
        fail(CheckId.KEY_ROUTE, route + " matches none of allowed_routes=" + allowed, 403, "auth_error",
                "Authentication Error, Route " + route + " not allowed for this key. Allowed routes: " + python(allowed));
    }

    private void teamBlocked(JsonNode key) {
        String teamId = text(key, "team_id");
        if (teamId == null) {
            lines.add(new CheckLine(CheckId.TEAM_BLOCKED, Outcome.NOT_APPLICABLE, "the key has no team"));
            return;
        }
        JsonNode team = facts.team();
        if (team == null) {
            fail(CheckId.TEAM_BLOCKED, "team " + teamId + " has no LiteLLM_TeamTable row", 401, "auth_error",
                    "Authentication Error, Team doesn't exist in db. Team=" + teamId + ". Create team via `/team/new` call.");
        } else if (Boolean.TRUE.equals(bool(team, "blocked"))) {
            fail(CheckId.TEAM_BLOCKED, "team " + teamId + " has blocked = true", 401, "auth_error",
                    "Authentication Error, Team=" + teamId + " is blocked. Update via `/team/unblock` if you're admin.");
        } else {
            pass(CheckId.TEAM_BLOCKED, "team " + teamId + " is not blocked");
        }
    }

    private void teamModelAccess() {
        JsonNode team = facts.team();
        if (team == null) {
            lines.add(new CheckLine(CheckId.TEAM_MODEL_ACCESS, Outcome.NOT_APPLICABLE, "the key has no team"));
            return;
        }
        if (model == null) {
            lines.add(new CheckLine(CheckId.TEAM_MODEL_ACCESS, Outcome.NOT_APPLICABLE,
                    "no model given; the team's models: " + describeModels(list(team, "models"))));
            return;
        }
        ModelAccess.Decision decision = ModelAccess.check(model, list(team, "models"), facts.aliases(),
                facts.accessGroups(), null);
        if (decision.allowed()) {
            pass(CheckId.TEAM_MODEL_ACCESS, decision.detail());
        } else {
            fail(CheckId.TEAM_MODEL_ACCESS, decision.detail(), 401, "team_model_access_denied",
                    "team not allowed to access model. This team can only access models=" + python(list(team, "models"))
                            + ". Tried to access " + model);
        }
    }

    private void userModelAccess(JsonNode key) {
        if (text(key, "team_id") != null) {
            lines.add(new CheckLine(CheckId.USER_MODEL_ACCESS, Outcome.NOT_APPLICABLE, "checked only for keys without a team"));
            return;
        }
        JsonNode user = facts.user();
        if (user == null || model == null) {
            lines.add(new CheckLine(CheckId.USER_MODEL_ACCESS, Outcome.NOT_APPLICABLE,
                    user == null ? "the key has no user row" : "no model given; the user's models: "
                            + describeModels(list(user, "models"))));
            return;
        }
        ModelAccess.Decision decision = ModelAccess.check(model, list(user, "models"), facts.aliases(),
                facts.accessGroups(), null);
        if (decision.allowed()) {
            pass(CheckId.USER_MODEL_ACCESS, decision.detail());
        } else {
            fail(CheckId.USER_MODEL_ACCESS, decision.detail(), 401,
                    version.atLeast(LiteLlmVersion.BUDGET_429) ? "user_model_access_denied" : "key_model_access_denied",
                    "user not allowed to access model. This user can only access models=" + python(list(user, "models"))
                            + ". Tried to access " + model);
        }
    }

    private void teamBudget() {
        JsonNode team = facts.team();
        if (team == null) {
            lines.add(new CheckLine(CheckId.TEAM_BUDGET, Outcome.NOT_APPLICABLE, "the key has no team"));
            return;
        }
        Double max = num(team, "max_budget");
        double spend = number(team, "spend", 0);
        if (max != null && spend > max) {
            failBudget(CheckId.TEAM_BUDGET, "team spend " + spend + " > max_budget " + max,
                    "Budget has been exceeded! Team=" + text(team, "team_id") + " Current cost: " + spend
                            + ", Max budget: " + max);
        } else {
            budgetPassOrUnknown(CheckId.TEAM_BUDGET, team, max == null ? "team max_budget is NULL; spend " + spend
                    : "team spend " + spend + " of " + max + " (" + percent(spend, max) + ")");
        }
    }

    private void orgBudget() {
        JsonNode org = facts.org();
        if (!version.enforcesOrgBudget()) {
            lines.add(new CheckLine(CheckId.ORG_BUDGET, Outcome.NOT_APPLICABLE,
                    "organization budgets are not enforced before December 2025 (v1.80)"));
            return;
        }
        if (org == null) {
            lines.add(new CheckLine(CheckId.ORG_BUDGET, Outcome.NOT_APPLICABLE, "no LiteLLM organization for the key"));
            return;
        }
        Double max = facts.orgBudget() == null ? null : num(facts.orgBudget(), "max_budget");
        double spend = number(org, "spend", 0);
        if (max != null && max > 0 && spend >= max) {
            failBudget(CheckId.ORG_BUDGET, "organization spend " + spend + " >= max_budget " + max,
                    "Budget has been exceeded! Organization=" + text(org, "organization_id") + " Current cost: " + spend
                            + ", Max budget: " + max);
        } else {
            pass(CheckId.ORG_BUDGET, max == null || max <= 0 ? "organization has no max_budget; spend " + spend
                    : "organization spend " + spend + " of " + max + " (" + percent(spend, max) + ")");
        }
    }

    private void userBudget(JsonNode key) {
        JsonNode user = facts.user();
        if (text(key, "team_id") != null && !version.userBudgetAppliesToTeamKeys()) {
            lines.add(new CheckLine(CheckId.USER_BUDGET, Outcome.NOT_APPLICABLE, "checked only for keys without a team"));
            return;
        }
        if (user == null) {
            lines.add(new CheckLine(CheckId.USER_BUDGET, Outcome.NOT_APPLICABLE, "the key has no user row"));
            return;
        }
        Double max = num(user, "max_budget");
        double spend = number(user, "spend", 0);
        if (max != null && spend >= max) {
            failBudget(CheckId.USER_BUDGET, "user spend " + spend + " >= max_budget " + max,
                    "ExceededBudget: User=" + text(user, "user_id") + " over budget. Spend=" + spend + ", Budget=" + max);
        } else {
            pass(CheckId.USER_BUDGET, max == null ? "user max_budget is NULL; spend " + spend
                    : "user spend " + spend + " of " + max + " (" + percent(spend, max) + ")");
        }
    }

    private void endUserBudget() {
        if (endUser == null) {
            lines.add(new CheckLine(CheckId.END_USER_BUDGET, Outcome.NOT_APPLICABLE, "the request names no end user"));
            return;
        }
        if (!facts.endUserTableExists()) {
            lines.add(new CheckLine(CheckId.END_USER_BUDGET, Outcome.UNKNOWN, "this database has no LiteLLM_EndUserTable"));
            return;
        }
        JsonNode row = facts.endUser();
        if (row == null) {
            pass(CheckId.END_USER_BUDGET, "end user " + endUser + " has no row (LiteLLM creates it on first use)");
            return;
        }
        Double max = facts.endUserBudget() == null ? null : num(facts.endUserBudget(), "max_budget");
        double spend = number(row, "spend", 0);
        if (max != null && spend > max) {
            failBudget(CheckId.END_USER_BUDGET, "end-user spend " + spend + " > max_budget " + max,
                    "ExceededBudget: End User=" + endUser + " over budget. Spend=" + spend + ", Budget=" + max);
        } else {
            pass(CheckId.END_USER_BUDGET, max == null ? "end user has no budget; spend " + spend
                    : "end-user spend " + spend + " of " + max + " (" + percent(spend, max) + ")");
        }
    }

    /** A budget that the database says is fine, unless Redis-only limits (per model, windows) are set. */
    private void budgetPassOrUnknown(CheckId check, JsonNode row, String detail) {
        JsonNode perModel = row.path("model_max_budget");
        JsonNode windows = row.path("budget_limits");
        boolean redisOnly = perModel.isObject() && !perModel.isEmpty() || windows.isArray() && !windows.isEmpty()
                || windows.isObject() && !windows.isEmpty();
        if (redisOnly) {
            lines.add(new CheckLine(check, Outcome.UNKNOWN, detail + "; per-model budgets or budget windows are set, "
                    + "and LiteLLM counts those in Redis or memory, not in the database"));
        } else {
            pass(check, detail);
        }
    }

    private void pass(CheckId check, String detail) {
        lines.add(new CheckLine(check, Outcome.PASS, detail));
    }

    private void fail(CheckId check, String detail, int status, String type, String message) {
        lines.add(new CheckLine(check, Outcome.FAIL, detail));
        failures.putIfAbsent(check.ordinal() * 10, new Rejection(check, status, type, message));
    }

    private void failBudget(CheckId check, String detail, String message) {
        fail(check, detail, version.budgetStatus(), "budget_exceeded", message);
    }

    static String percent(double spend, double max) {
        if (max <= 0) {
            return spend > 0 ? "over" : "0%";
        }
        return String.format(java.util.Locale.ROOT, "%.0f%%", spend * 100 / max);
    }

    private static String describeModels(List<String> models) {
        return models == null || models.isEmpty() ? "[] (every model)" : models.toString();
    }

    /** Python's repr of a list of strings, as LiteLLM's messages print it. */
    private static String python(List<String> values) {
        return values == null ? "[]" : values.stream().map(value -> "'" + value + "'")
                .collect(Collectors.joining(", ", "[", "]"));
    }

    static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    static Double num(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || !value.isNumber() ? null : value.asDouble();
    }

    private static double number(JsonNode node, String field, double fallback) {
        Double value = num(node, field);
        return value == null ? fallback : value;
    }

    private static Boolean bool(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || !value.isBoolean() ? null : value.asBoolean();
    }

    static List<String> list(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isArray()) {
            return null;
        }
        List<String> items = new ArrayList<>();
        value.forEach(item -> items.add(item.asText()));
        return items;
    }

    static LocalDateTime time(JsonNode node, String field) {
        return parseTime(text(node, field));
    }

    static LocalDateTime parseTime(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            String value = text.strip().replace(' ', 'T');
            int zone = Math.max(value.indexOf('+', 10), Math.max(value.lastIndexOf('Z'), value.indexOf('-', 11)));
            return LocalDateTime.parse(zone > 0 ? value.substring(0, zone) : value);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
