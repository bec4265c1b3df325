package com.nemorouter.console.diagnosis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import javax.sql.DataSource;

import com.nemorouter.console.connection.Database;
import com.nemorouter.console.integrity.KeyService;
import com.nemorouter.console.testing.TestDatabases;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Each of LiteLLM's checks, failed alone; the order; the operators; model matching; rotation. */
class KeyDiagnosisServiceTest {

    static final VersionAssumption OLD = new VersionAssumption(LiteLlmVersion.parse("1.63"), "test");
    static final VersionAssumption NEW = new VersionAssumption(LiteLlmVersion.parse("1.84"), "test");

    private static Database database;
    private static DataSource dataSource;
    private static KeyDiagnosisService service;

    @BeforeAll
    static void open() {
        String name = TestDatabases.copyOfSeed();
        database = Database.open(TestDatabases.target(name));
        dataSource = TestDatabases.dataSource(name);
        service = new KeyDiagnosisService(database);
    }

    @AfterAll
    static void close() {
        database.close();
    }

    /** How to make a clean fixture fail exactly one check, and what the request looks like. */
    record Breakage(Consumer<KeyFixture> change, String model, String route, String endUser) {
    }

    private static final Map<CheckId, Breakage> BREAKAGES = new EnumMap<>(CheckId.class);

    static {
        BREAKAGES.put(CheckId.KEY_NOT_FOUND, new Breakage(f -> f.insertKey = false, "gpt-4o", null, null));
        BREAKAGES.put(CheckId.KEY_BLOCKED, new Breakage(f -> f.keyBlocked = "true", "gpt-4o", null, null));
        BREAKAGES.put(CheckId.KEY_MODEL_ACCESS, new Breakage(f -> f.keyModels = "'{gpt-4o-mini}'", "gpt-4o", null, null));
        BREAKAGES.put(CheckId.USER_DEACTIVATED, new Breakage(f -> f.userMetadata = "{\"scim_active\": false}", "gpt-4o", null, null));
        BREAKAGES.put(CheckId.TEAM_MEMBER_BUDGET, new Breakage(f -> {
            f.memberMaxBudget = "5";
            f.memberSpend = 6;
        }, "gpt-4o", null, null));
        BREAKAGES.put(CheckId.KEY_EXPIRED, new Breakage(f -> f.keyExpires = "timezone('utc', now()) - interval '1 hour'",
                "gpt-4o", null, null));
        BREAKAGES.put(CheckId.KEY_BUDGET, new Breakage(f -> f.keySpend = 10.5, "gpt-4o", null, null));
        BREAKAGES.put(CheckId.KEY_ROUTE, new Breakage(f -> f.keyRoutes = "'{/embeddings}'", "gpt-4o", "/chat/completions", null));
        BREAKAGES.put(CheckId.TEAM_BLOCKED, new Breakage(f -> f.teamBlocked = true, "gpt-4o", null, null));
        BREAKAGES.put(CheckId.TEAM_MODEL_ACCESS, new Breakage(f -> f.teamModels = "'{gpt-4o-mini}'", "gpt-4o", null, null));
        BREAKAGES.put(CheckId.USER_MODEL_ACCESS, new Breakage(f -> {
            f.keyTeam = null;
            f.userModels = "'{gpt-4o-mini}'";
        }, "gpt-4o", null, null));
        BREAKAGES.put(CheckId.TEAM_BUDGET, new Breakage(f -> f.teamSpend = 51, "gpt-4o", null, null));
        BREAKAGES.put(CheckId.ORG_BUDGET, new Breakage(f -> f.orgSpend = 120, "gpt-4o", null, null));
        BREAKAGES.put(CheckId.USER_BUDGET, new Breakage(f -> {
            f.keyTeam = null;
            f.userMaxBudget = "5";
            f.userSpend = 7;
        }, "gpt-4o", null, null));
        BREAKAGES.put(CheckId.END_USER_BUDGET, new Breakage(f -> {
            String budget = UUID.randomUUID().toString();
            f.extra.add("insert into \"LiteLLM_BudgetTable\" (budget_id, max_budget, created_by, updated_by) values ('"
                    + budget + "', 1, 'test', 'test')");
            f.extra.add("insert into \"LiteLLM_EndUserTable\" (user_id, spend, budget_id) values ('customer-" + f.hash
                    + "', 2, '" + budget + "')");
        }, "gpt-4o", null, "customer-"));
    }

    private static KeyDiagnosis diagnose(KeyFixture fixture, String model, String route, String endUser,
                                         VersionAssumption version) {
        return service.diagnose(new DiagnosisRequest(fixture.hash, model, route, endUser, version, false));
    }

    private static KeyFixture clean() {
        KeyFixture fixture = new KeyFixture();
        return fixture;
    }

    @Test
    void aCleanKeyPassesEveryCheck() {
        KeyFixture fixture = clean();
        fixture.insert(dataSource);
        KeyDiagnosis diagnosis = diagnose(fixture, "gpt-4o", null, null, NEW);
        assertThat(diagnosis.allowed()).isTrue();
        assertThat(diagnosis.firstFailure()).isNull();
        assertThat(diagnosis.checks()).extracting(line -> line.check().id()).containsExactly("key_not_found",
                "key_blocked", "key_model_access", "user_deactivated", "team_member_budget", "key_expired", "key_budget",
                "key_route", "team_blocked", "team_model_access", "user_model_access", "team_budget", "org_budget",
                "user_budget", "end_user_budget");
        assertThat(diagnosis.checks()).allMatch(line -> line.result() == Outcome.PASS || line.result() == Outcome.NOT_APPLICABLE);
        assertThat(diagnosis.keyUpdatedAt()).isNotNull();
        assertThat(diagnosis.teamUpdatedAt()).isNotNull();
        assertThat(diagnosis.spend()).extracting(SpendLine::scope)
                .containsExactly("key", "team", "team member", "user", "organization");
        assertThat(diagnosis.spend().get(0).maxBudget()).isEqualTo(10.0);
        assertThat(diagnosis.spend().get(0).percentUsed()).isEqualTo("10%");
        assertThat(diagnosis.spendLogs().wasSkipped()).isFalse();
        assertThat(diagnosis.caveats()).anyMatch(caveat -> caveat.contains("60 s"));
        assertThat(diagnosis.toString()).doesNotContain(fixture.rawKey);
    }

    @ParameterizedTest
    @EnumSource(CheckId.class)
    void eachCheckFailsAloneWithLiteLlmsStatusTypeAndMessage(CheckId check) {
        KeyFixture fixture = clean();
        Breakage breakage = BREAKAGES.get(check);
        breakage.change().accept(fixture);
        fixture.insert(dataSource);
        String endUser = breakage.endUser() == null ? null : breakage.endUser() + fixture.hash;

        KeyDiagnosis newest = diagnose(fixture, breakage.model(), breakage.route(), endUser, NEW);
        assertThat(newest.allowed()).isFalse();
        assertThat(newest.firstFailure().check()).isEqualTo(check);
        assertThat(newest.checks()).filteredOn(line -> line.result() == Outcome.FAIL)
                .extracting(CheckLine::check).containsExactly(check);
        Rejection rejection = newest.firstFailure();
        switch (check) {
            case KEY_NOT_FOUND -> assertRejection(rejection, 401, "token_not_found_in_db", "Invalid proxy server token passed");
            case KEY_BLOCKED -> assertRejection(rejection, 401, "auth_error",
                    "Authentication Error, Key is blocked. Update via `/key/unblock` if you're admin.");
            case KEY_MODEL_ACCESS -> assertRejection(rejection, 401, "key_model_access_denied",
                    "key not allowed to access model. This key can only access models=['gpt-4o-mini']. Tried to access gpt-4o");
            case USER_DEACTIVATED -> assertRejection(rejection, 401, "auth_error", "User=" + fixture.user + " is deactivated");
            case TEAM_MEMBER_BUDGET -> assertRejection(rejection, 429, "budget_exceeded", "Budget has been exceeded! User="
                    + fixture.user + " in Team=" + fixture.team + " Current cost: 6.0, Max budget: 5.0");
            case KEY_EXPIRED -> assertRejection(rejection, 401, "expired_key", "Expired Key. Key Expiry time");
            case KEY_BUDGET -> assertRejection(rejection, 429, "budget_exceeded",
                    "Budget has been exceeded! Current cost: 10.5, Max budget: 10.0");
            case KEY_ROUTE -> assertRejection(rejection, 403, "auth_error", "Route /chat/completions not allowed");
            case TEAM_BLOCKED -> assertRejection(rejection, 401, "auth_error", "Team=" + fixture.team + " is blocked");
            case TEAM_MODEL_ACCESS -> assertRejection(rejection, 401, "team_model_access_denied",
                    "team not allowed to access model. This team can only access models=['gpt-4o-mini']. Tried to access gpt-4o");
            case USER_MODEL_ACCESS -> assertRejection(rejection, 401, "user_model_access_denied", "Tried to access gpt-4o");
            case TEAM_BUDGET -> assertRejection(rejection, 429, "budget_exceeded",
                    "Budget has been exceeded! Team=" + fixture.team + " Current cost: 51.0, Max budget: 50.0");
            case ORG_BUDGET -> assertRejection(rejection, 429, "budget_exceeded",
                    "Budget has been exceeded! Organization=" + fixture.org + " Current cost: 120.0, Max budget: 100.0");
            case USER_BUDGET -> assertRejection(rejection, 429, "budget_exceeded",
                    "ExceededBudget: User=" + fixture.user + " over budget. Spend=7.0, Budget=5.0");
            case END_USER_BUDGET -> assertRejection(rejection, 429, "budget_exceeded", "ExceededBudget: End User=" + endUser);
        }

        KeyDiagnosis old = diagnose(fixture, breakage.model(), breakage.route(), endUser, OLD);
        switch (check) {
            // Not in early-2025 LiteLLM: no organization budget, no key route gate.
            case ORG_BUDGET, KEY_ROUTE -> {
                assertThat(old.allowed()).isTrue();
                assertThat(old.line(check).result()).isEqualTo(Outcome.NOT_APPLICABLE);
            }
            case KEY_NOT_FOUND -> assertThat(old.firstFailure()).extracting(Rejection::status, Rejection::type)
                    .containsExactly(401, "auth_error");
            case KEY_EXPIRED -> assertThat(old.firstFailure()).extracting(Rejection::status, Rejection::type)
                    .containsExactly(400, "expired_key");
            case USER_MODEL_ACCESS -> assertThat(old.firstFailure()).extracting(Rejection::status, Rejection::type)
                    .containsExactly(401, "key_model_access_denied");
            case TEAM_MEMBER_BUDGET, KEY_BUDGET, TEAM_BUDGET, USER_BUDGET, END_USER_BUDGET ->
                    assertThat(old.firstFailure()).extracting(Rejection::check, Rejection::status, Rejection::type)
                            .containsExactly(check, 400, "budget_exceeded");
            default -> assertThat(old.firstFailure()).extracting(Rejection::check, Rejection::status, Rejection::type)
                    .containsExactly(check, newest.firstFailure().status(), newest.firstFailure().type());
        }
    }

    private static void assertRejection(Rejection rejection, int status, String type, String message) {
        assertThat(rejection.status()).isEqualTo(status);
        assertThat(rejection.type()).isEqualTo(type);
        assertThat(rejection.message()).contains(message);
    }

    @Test
    void aBlockedKeyOverItsTeamBudgetReportsTheBlockFirst() {
        KeyFixture fixture = clean();
        fixture.keyBlocked = "true";
        fixture.teamSpend = 80;
        fixture.insert(dataSource);
        KeyDiagnosis diagnosis = diagnose(fixture, null, null, null, NEW);
        assertThat(diagnosis.firstFailure().check()).isEqualTo(CheckId.KEY_BLOCKED);
        assertThat(diagnosis.line(CheckId.TEAM_BUDGET).result()).isEqualTo(Outcome.FAIL);
    }

    @Test
    void anExpiredKeyOverItsBudgetReportsTheExpiryBeforeTheBudget() {
        KeyFixture fixture = clean();
        fixture.keyExpires = "timezone('utc', now()) - interval '2 days'";
        fixture.keySpend = 20;
        fixture.insert(dataSource);
        KeyDiagnosis diagnosis = diagnose(fixture, null, null, null, NEW);
        assertThat(diagnosis.firstFailure().check()).isEqualTo(CheckId.KEY_EXPIRED);
        assertThat(diagnosis.line(CheckId.KEY_BUDGET).result()).isEqualTo(Outcome.FAIL);
    }

    @Test
    void spendEqualToMaxBudgetRejectsTheKeyButNotTheTeam() {
        KeyFixture fixture = clean();
        fixture.keySpend = 10;
        fixture.teamSpend = 50;
        fixture.insert(dataSource);
        KeyDiagnosis diagnosis = diagnose(fixture, null, null, null, NEW);
        assertThat(diagnosis.line(CheckId.KEY_BUDGET).result()).isEqualTo(Outcome.FAIL);
        assertThat(diagnosis.line(CheckId.TEAM_BUDGET).result()).isEqualTo(Outcome.PASS);
        assertThat(diagnosis.firstFailure().check()).isEqualTo(CheckId.KEY_BUDGET);
    }

    @Test
    void aNullBlockedPassesAndANullMaxBudgetIsNoBudget() {
        KeyFixture fixture = clean();
        fixture.keyMaxBudget = "null";
        fixture.teamMaxBudget = "null";
        fixture.keySpend = 1_000_000;
        fixture.insert(dataSource);
        KeyDiagnosis diagnosis = diagnose(fixture, null, null, null, NEW);
        assertThat(diagnosis.allowed()).isTrue();
        assertThat(diagnosis.line(CheckId.KEY_BLOCKED).detail()).contains("NULL");
    }

    @Test
    void theTeamDefaultMemberBudgetIsCheckedLateWithGreaterOrEqual() {
        KeyFixture fixture = clean();
        String budget = UUID.randomUUID().toString();
        fixture.extra.add(0, "insert into \"LiteLLM_BudgetTable\" (budget_id, max_budget, created_by, updated_by) values ('"
                + budget + "', 3, 'test', 'test')");
        fixture.teamMetadata = "{\"team_member_budget_id\": \"" + budget + "\"}";
        fixture.memberSpend = 3;
        fixture.insert(dataSource);
        // The budget row is inserted after the team; the join reads it at diagnosis time.
        KeyDiagnosis diagnosis = diagnose(fixture, null, null, null, NEW);
        assertThat(diagnosis.firstFailure().check()).isEqualTo(CheckId.TEAM_MEMBER_BUDGET);
        assertThat(diagnosis.line(CheckId.TEAM_MEMBER_BUDGET).detail()).contains(">=").contains("default member budget");
    }

    @Test
    void aTeamMemberBudgetFailingLateRanksAfterTheUserBudget() {
        KeyFixture fixture = clean();
        fixture.memberMaxBudget = "5";
        fixture.memberSpend = 5;
        fixture.teamSpend = 60;
        fixture.insert(dataSource);
        // Member 5 of 5 passes the early '>' check and fails the late '>=' one, which LiteLLM runs after the team budget.
        KeyDiagnosis diagnosis = diagnose(fixture, null, null, null, NEW);
        assertThat(diagnosis.firstFailure().check()).isEqualTo(CheckId.TEAM_BUDGET);
        assertThat(diagnosis.line(CheckId.TEAM_MEMBER_BUDGET).result()).isEqualTo(Outcome.FAIL);
    }

    @Test
    void aTemporaryBudgetIncreaseCountsUntilItExpires() {
        KeyFixture fixture = clean();
        fixture.keySpend = 12;
        fixture.keyMetadata = "{\"temp_budget_increase\": 5, \"temp_budget_expiry\": \"2999-01-01T00:00:00\"}";
        fixture.insert(dataSource);
        assertThat(diagnose(fixture, null, null, null, NEW).line(CheckId.KEY_BUDGET).result()).isEqualTo(Outcome.PASS);
    }

    @Test
    void aRotatedKeyInItsGracePeriodWorksAsItsReplacement() {
        KeyFixture fixture = clean();
        fixture.insert(dataSource);
        String oldHash = KeyService.tokenHash("sk-rotated-" + UUID.randomUUID());
        TestDatabases.execute(dataSource, "insert into \"LiteLLM_DeprecatedVerificationToken\" (id, token, active_token_id, "
                + "revoke_at) values ('" + UUID.randomUUID() + "', '" + oldHash + "', '" + fixture.hash
                + "', timezone('utc', now()) + interval '1 hour')");
        KeyDiagnosis diagnosis = service.diagnose(DiagnosisRequest.of(oldHash));
        assertThat(diagnosis.allowed()).isTrue();
        assertThat(diagnosis.resolvedToken()).isEqualTo(fixture.hash);
        assertThat(diagnosis.line(CheckId.KEY_NOT_FOUND).detail()).contains("rotated").contains(fixture.hash);

        String expiredHash = KeyService.tokenHash("sk-rotated-" + UUID.randomUUID());
        TestDatabases.execute(dataSource, "insert into \"LiteLLM_DeprecatedVerificationToken\" (id, token, active_token_id, "
                + "revoke_at) values ('" + UUID.randomUUID() + "', '" + expiredHash + "', '" + fixture.hash
                + "', timezone('utc', now()) - interval '1 hour')");
        KeyDiagnosis expired = service.diagnose(DiagnosisRequest.of(expiredHash));
        assertThat(expired.firstFailure().check()).isEqualTo(CheckId.KEY_NOT_FOUND);
        assertThat(expired.line(CheckId.KEY_NOT_FOUND).detail()).contains("grace period ended");
    }

    @Test
    void modelMatchingFollowsLiteLlmsRules() {
        KeyFixture wildcard = clean();
        wildcard.keyModels = "'{openai/*}'";
        wildcard.teamModels = "'{}'";
        wildcard.insert(dataSource);
        assertThat(diagnose(wildcard, "openai/gpt-4o", null, null, NEW).allowed()).isTrue();
        KeyDiagnosis other = diagnose(wildcard, "anthropic/claude-sonnet-4-5", null, null, NEW);
        assertThat(other.firstFailure().check()).isEqualTo(CheckId.KEY_MODEL_ACCESS);

        KeyFixture teamModels = clean();
        teamModels.keyModels = "'{all-team-models}'";
        teamModels.insert(dataSource);
        assertThat(diagnose(teamModels, "gpt-4o-mini", null, null, NEW).line(CheckId.KEY_MODEL_ACCESS).result())
                .isEqualTo(Outcome.PASS);
        assertThat(diagnose(teamModels, "claude-sonnet-4-5", null, null, NEW).firstFailure().check())
                .isEqualTo(CheckId.KEY_MODEL_ACCESS);

        KeyFixture alias = clean();
        alias.teamModels = "'{gpt-4o}'";
        alias.extra.add("insert into \"LiteLLM_ModelTable\" (id, aliases, created_by, updated_by) values (900001, "
                + "'{\"smart\": \"gpt-4o\"}', 'test', 'test')");
        alias.extra.add("update \"LiteLLM_TeamTable\" set model_id = 900001 where team_id = '" + alias.team + "'");
        alias.insert(dataSource);
        KeyDiagnosis viaAlias = diagnose(alias, "smart", null, null, NEW);
        assertThat(viaAlias.allowed()).isTrue();
        assertThat(viaAlias.line(CheckId.TEAM_MODEL_ACCESS).detail()).contains("alias of gpt-4o");

        KeyFixture empty = clean();
        empty.keyModels = "'{}'";
        empty.teamModels = "'{}'";
        empty.insert(dataSource);
        KeyDiagnosis anything = diagnose(empty, "any-model-at-all", null, null, NEW);
        assertThat(anything.allowed()).isTrue();
        assertThat(anything.line(CheckId.KEY_MODEL_ACCESS).detail()).contains("empty");

        KeyFixture group = clean();
        group.keyModels = "'{beta-models}'";
        group.extra.add("insert into \"LiteLLM_ProxyModelTable\" (model_id, model_name, litellm_params, model_info, "
                + "created_by, updated_by) values ('" + UUID.randomUUID() + "', 'gpt-4o', '{}', "
                + "'{\"access_groups\": [\"beta-models\"]}', 'test', 'test')");
        group.insert(dataSource);
        assertThat(diagnose(group, "gpt-4o", null, null, NEW).line(CheckId.KEY_MODEL_ACCESS).detail())
                .contains("access group beta-models");
    }

    @Test
    void budgetsCountedOnlyInRedisMakeABudgetCheckUnknown() {
        KeyFixture fixture = clean();
        fixture.extra.add("update \"LiteLLM_VerificationToken\" set model_max_budget = '{\"gpt-4o\": {\"budget_limit\": 1}}' "
                + "where token = '" + fixture.hash + "'");
        fixture.insert(dataSource);
        KeyDiagnosis diagnosis = diagnose(fixture, "gpt-4o", null, null, NEW);
        assertThat(diagnosis.line(CheckId.KEY_BUDGET).result()).isEqualTo(Outcome.UNKNOWN);
        assertThat(diagnosis.line(CheckId.KEY_BUDGET).detail()).contains("Redis");
        assertThat(diagnosis.allowed()).isTrue();
    }

    @Test
    void aLargeSpendLogsWithoutAnIndexOnApiKeyIsReadOnlyWhenAsked() {
        KeyFixture fixture = clean();
        fixture.insert(dataSource);
        KeyDiagnosisService cautious = new KeyDiagnosisService(database, null, -1);
        KeyDiagnosis skipped = cautious.diagnose(DiagnosisRequest.of(fixture.hash));
        assertThat(skipped.spendLogs().wasSkipped()).isTrue();
        assertThat(skipped.spendLogs().describe()).contains("no index on api_key");
        assertThat(skipped.spend()).allSatisfy(line -> assertThat(line.spend24h()).isNull());
        KeyDiagnosis scanned = cautious.diagnose(DiagnosisRequest.of(fixture.hash).scanningSpendLogs());
        assertThat(scanned.spendLogs().wasSkipped()).isFalse();
        assertThat(scanned.spendLogs().latestScope()).isEqualTo("last 24 h");
    }

    @Test
    void readsInThreeStatements() {
        KeyFixture fixture = clean();
        fixture.insert(dataSource);
        database.statistics().clear();
        service.diagnose(DiagnosisRequest.of(fixture.hash));
        assertThat(database.statistics().getPrepareStatementCount()).isLessThanOrEqualTo(3);
    }
}
