package com.nemorouter.console.diagnosis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.function.Consumer;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nemorouter.console.audit.AuditTrail;
import com.nemorouter.console.connection.ConnectionSettings;
import com.nemorouter.console.connection.ConsoleHome;
import com.nemorouter.console.connection.Database;
import com.nemorouter.console.testing.AuditShapes;
import com.nemorouter.console.testing.Sql;
import com.nemorouter.console.testing.TestDatabases;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each fix: its preview SQL, one transaction with its LiteLLM-shaped audit row, and a clean re-diagnosis. */
class KeyFixServiceTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static Database database;
    private static DataSource dataSource;
    private static String databaseName;
    private static KeyDiagnosisService diagnosis;
    private static KeyFixService fixes;

    @TempDir
    static Path home;

    @BeforeAll
    static void open() {
        databaseName = TestDatabases.copyOfSeed();
        database = Database.open(TestDatabases.target(databaseName));
        dataSource = TestDatabases.dataSource(databaseName);
        diagnosis = new KeyDiagnosisService(database);
        fixes = new KeyFixService(database, new AuditTrail(new ConsoleHome(home), "ada", "desk-1", Clock.systemUTC()), diagnosis);
    }

    @AfterAll
    static void close() {
        database.close();
    }

    private KeyDiagnosis broken(Consumer<KeyFixture> change, String model) {
        KeyFixture fixture = new KeyFixture();
        change.accept(fixture);
        fixture.insert(dataSource);
        return diagnosis.diagnose(new DiagnosisRequest(fixture.hash, model, null, null, KeyDiagnosisServiceTest.NEW, false));
    }

    private FixOutcome fixAndCheck(KeyDiagnosis before, KeyFix fix, String value, String sqlFragment, String column,
                                   String expectedBefore, String expectedAfter) throws Exception {
        assertThat(before.allowed()).isFalse();
        assertThat(KeyFix.suggested(before)).contains(fix);
        FixPlan plan = fixes.plan(before, fix, value);
        assertThat(plan.preview()).contains(sqlFragment).contains(plan.objectId()).startsWith("-- ").contains("begin;")
                .endsWith("commit;");
        FixOutcome outcome = fixes.apply(plan);
        assertThat(outcome.after().allowed()).as(outcome.after().checks().toString()).isTrue();
        assertThat(outcome.auditMessage()).isEqualTo("1 audit record written to LiteLLM_AuditLog.");
        assertThat(outcome.cacheNote()).contains("accepted").contains("60 s");
        List<List<String>> audit = new Sql(dataSource).rows("select action, table_name, before_value::text, "
                + "updated_values::text, changed_by from \"LiteLLM_AuditLog\" where object_id = ?", plan.objectId());
        assertThat(audit).hasSize(1);
        assertThat(audit.get(0).subList(0, 2)).containsExactly("updated", plan.table());
        JsonNode beforeValue = JSON.readTree(audit.get(0).get(2));
        JsonNode updatedValues = JSON.readTree(audit.get(0).get(3));
        assertThat(beforeValue.get(plan.idColumn()).asText()).isEqualTo(plan.objectId());
        assertThat(beforeValue.get(column).toString()).isEqualTo(expectedBefore);
        assertThat(updatedValues.get(column).toString()).isEqualTo(expectedAfter);
        assertThat(updatedValues.has("updated_at")).isTrue();
        assertThat(audit.get(0).get(4)).contains("nemo-console:ada@desk-1");
        assertThat(new Sql(dataSource).rows(AuditShapes.LITELLM_SHAPE_VIOLATIONS)).isEmpty();
        return outcome;
    }

    @Test
    void unblocksAKey() throws Exception {
        KeyDiagnosis before = broken(f -> f.keyBlocked = "true", null);
        fixAndCheck(before, KeyFix.UNBLOCK_KEY, null, "update public.\"LiteLLM_VerificationToken\" set blocked = false",
                "blocked", "true", "false");
    }

    @Test
    void unblocksATeam() throws Exception {
        KeyDiagnosis before = broken(f -> f.teamBlocked = true, null);
        fixAndCheck(before, KeyFix.UNBLOCK_TEAM, null, "update public.\"LiteLLM_TeamTable\" set blocked = false",
                "blocked", "true", "false");
    }

    @Test
    void extendsAnExpiry() throws Exception {
        KeyDiagnosis before = broken(f -> f.keyExpires = "timezone('utc', now()) - interval '3 days'", null);
        fixAndCheck(before, KeyFix.EXTEND_EXPIRY, "2999-01-31", "set expires = cast('2999-01-31 00:00' as timestamp(3))",
                "expires", JSON.readTree(new Sql(dataSource).rows(
                        "select to_jsonb(expires)::text from \"LiteLLM_VerificationToken\" where token = ?",
                        before.tokenHash()).get(0).get(0)).toString(), "\"2999-01-31T00:00:00\"");
    }

    @Test
    void raisesAKeyAndATeamBudget() throws Exception {
        KeyDiagnosis key = broken(f -> f.keySpend = 12, null);
        fixAndCheck(key, KeyFix.RAISE_KEY_BUDGET, "25", "set max_budget = cast('25.0' as double precision)",
                "max_budget", "10", "25");
        KeyDiagnosis team = broken(f -> f.teamSpend = 70, null);
        fixAndCheck(team, KeyFix.RAISE_TEAM_BUDGET, "100", "update public.\"LiteLLM_TeamTable\" set max_budget",
                "max_budget", "50", "100");
    }

    @Test
    void addsAModelToAKeyAndToATeam() throws Exception {
        KeyDiagnosis key = broken(f -> f.keyModels = "'{gpt-4o-mini}'", "gpt-4o");
        fixAndCheck(key, KeyFix.ADD_KEY_MODEL, "gpt-4o", "array_append(models, cast('gpt-4o' as text))",
                "models", "[\"gpt-4o-mini\"]", "[\"gpt-4o-mini\",\"gpt-4o\"]");
        KeyDiagnosis team = broken(f -> f.teamModels = "'{gpt-4o-mini}'", "gpt-4o");
        fixAndCheck(team, KeyFix.ADD_TEAM_MODEL, "gpt-4o", "update public.\"LiteLLM_TeamTable\" set models",
                "models", "[\"gpt-4o-mini\"]", "[\"gpt-4o-mini\",\"gpt-4o\"]");
    }

    @Test
    void badInputIsRefusedWithAReasonAndNothingIsWritten() {
        KeyDiagnosis expired = broken(f -> f.keyExpires = "timezone('utc', now()) - interval '3 days'", null);
        assertThatThrownBy(() -> fixes.plan(expired, KeyFix.EXTEND_EXPIRY, "next tuesday"))
                .hasMessageContaining("2027-01-31");
        assertThatThrownBy(() -> fixes.plan(expired, KeyFix.EXTEND_EXPIRY, "2001-01-01"))
                .hasMessageContaining("not in the future");
        assertThatThrownBy(() -> fixes.plan(expired, KeyFix.RAISE_KEY_BUDGET, "5")).hasMessageContaining("a raise must be higher");
        assertThatThrownBy(() -> fixes.plan(expired, KeyFix.RAISE_KEY_BUDGET, "-3")).hasMessageContaining("positive number");
        assertThatThrownBy(() -> fixes.plan(expired, KeyFix.ADD_KEY_MODEL, "gpt-4o"))
                .hasMessageContaining("allows every model already");
        assertThatThrownBy(() -> fixes.plan(expired, KeyFix.UNBLOCK_KEY, null)).hasMessageContaining("not blocked");
        FixPlan stale = fixes.plan(broken(f -> f.keyBlocked = "true", null), KeyFix.UNBLOCK_KEY, null);
        fixes.apply(stale);
        assertThatThrownBy(() -> fixes.apply(stale)).hasMessageContaining("Nothing was written");
        assertThat(new Sql(dataSource).rows("select count(*) from \"LiteLLM_AuditLog\" where object_id = ?",
                stale.objectId()).get(0).get(0)).isEqualTo("1");
    }

    @Test
    void readOnlyModeNeverApplies() {
        FixPlan plan = fixes.plan(broken(f -> f.keyBlocked = "true", null), KeyFix.UNBLOCK_KEY, null);
        try (Database readOnly = Database.open(TestDatabases.target(databaseName), ConnectionSettings.DEFAULT.withReadOnly(true))) {
            KeyFixService refused = new KeyFixService(readOnly, new AuditTrail(new ConsoleHome(home), "ada", "desk-1",
                    Clock.systemUTC()), new KeyDiagnosisService(readOnly));
            assertThatThrownBy(() -> refused.apply(plan)).hasMessageContaining("Read-only").hasMessageContaining("not applied");
        }
        assertThat(new Sql(dataSource).rows("select blocked::text from \"LiteLLM_VerificationToken\" where token = ?",
                plan.objectId()).get(0).get(0)).isEqualTo("true");
    }
}
