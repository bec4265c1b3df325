package com.nemorouter.console.integrity;

import static com.nemorouter.console.testing.Seed.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.stream.Collectors;

import com.nemorouter.console.connection.Database;
import com.nemorouter.console.request.Request;
import com.nemorouter.console.testing.SchemaVariant;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every check against the seed (its deliberate drift and nothing else) and against a fixture tenant
 * that adds a case for each check the seed does not cover.
 */
@ParameterizedClass
@EnumSource(SchemaVariant.class)
class AuditServiceTest {

    static final String FIXTURE_ORG = "f1f1f1f1-0000-4000-8000-000000000001";
    static final String TEAM_WITHOUT_ORG = "f1f1f1f1-0000-4000-8000-0000000000a1";
    static final String TEAM_WITH_GHOST_MEMBER = "f1f1f1f1-0000-4000-8000-0000000000a3";
    static final String TEAM_WITH_EMPTY_ROSTER = "f1f1f1f1-0000-4000-8000-0000000000a4";
    static final String TEAM_OLD_LITELLM = "f1f1f1f1-0000-4000-8000-0000000000a5";
    static final String USER_WITHOUT_AUTH = "f1f1f1f1-0000-4000-8000-0000000000e1";
    static final String USER_WITHOUT_LITELLM_ROW = "f1f1f1f1-0000-4000-8000-0000000000e2";
    static final String USER_WITH_STALE_TEAMS = "f1f1f1f1-0000-4000-8000-0000000000e3";
    static final String USER_WITHOUT_TEAM_MEMBERSHIP = "f1f1f1f1-0000-4000-8000-0000000000e4";
    static final String MISMATCHED_KEY = "sk-fixture-1";

    /** The drift the fixture adds: one or more cases for every check the seed leaves empty. */
    static final String FIXTURE_SQL = """
            insert into {nemo}.organizations (organization_id, name, slug) values ('%1$s', 'Fixture Org', 'fixture-org');
            insert into "LiteLLM_BudgetTable" (budget_id, created_by, updated_by) values ('fx-budget', 'test', 'test');
            insert into "LiteLLM_OrganizationTable" (organization_id, organization_alias, budget_id, created_by, updated_by)
                values ('%1$s', 'Fixture Org', 'fx-budget', 'test', 'test');
            insert into {nemo}.teams (team_id, organization_id, name) values
                ('%2$s', '%1$s', 'No Org'), ('%3$s', '%1$s', 'Ghost Member'), ('%4$s', '%1$s', 'Empty'),
                ('%5$s', '%1$s', 'Old LiteLLM');
            insert into "LiteLLM_TeamTable" (team_id, team_alias, organization_id, members_with_roles) values
                ('%2$s', 'No Org', null, '[]'),
                ('%3$s', 'Ghost Member', '%1$s', '[{"user_id": "%7$s", "user_email": null, "role": "admin"}]'),
                ('%4$s', 'Empty', '%1$s', '[]'),
                ('%5$s', 'Old LiteLLM', '%1$s', '[{"user_id": "%9$s", "user_email": null, "role": "admin"}]');
            insert into {auth}.users (id, email) values
                ('%7$s', 'ghost@fixture.example'), ('%8$s', 'stale@fixture.example'), ('%9$s', 'old@fixture.example');
            insert into "LiteLLM_UserTable" (user_id, user_email, teams) values
                ('%6$s', 'noauth@fixture.example', '{}'), ('%8$s', 'stale@fixture.example', '{%4$s}'),
                ('%9$s', 'old@fixture.example', '{%5$s}');
            insert into "LiteLLM_OrganizationMembership" (user_id, organization_id, user_role) values
                ('%6$s', '%1$s', 'internal_user'), ('default_user_id', '%1$s', 'org_admin'),
                ('%8$s', '%1$s', 'internal_user'), ('%9$s', '%1$s', 'internal_user');
            insert into "LiteLLM_TeamMembership" (user_id, team_id) values ('%7$s', '%3$s'), ('%8$s', '%4$s');
            insert into "LiteLLM_VerificationToken" (token, key_alias, user_id, team_id, organization_id) values
                (encode(sha256(convert_to('%10$s', 'UTF8')), 'hex'), 'fixture-mismatch', '%9$s', '%5$s', '%11$s'),
                (encode(sha256(convert_to('sk-fixture-2', 'UTF8')), 'hex'), 'fixture-upper', upper('%9$s'), '%5$s', null);
            alter table {nemo}.credit_balances add column litellm_org_id text;
            """.formatted(FIXTURE_ORG, TEAM_WITHOUT_ORG, TEAM_WITH_GHOST_MEMBER, TEAM_WITH_EMPTY_ROSTER,
            TEAM_OLD_LITELLM, USER_WITHOUT_AUTH, USER_WITHOUT_LITELLM_ROW, USER_WITH_STALE_TEAMS,
            USER_WITHOUT_TEAM_MEMBERSHIP, MISMATCHED_KEY, BLUE_HARBOR);

    /** What the seed's deliberate drift must produce, per check; every other check finds nothing. */
    static final Map<String, List<String>> SEEDED = Map.ofEntries(
            Map.entry("org_missing_in_litellm", List.of(GHOSTWIRE_NEMO_ONLY)),
            Map.entry("org_missing_in_nemo", List.of(LEGACY_LITELLM_ONLY)),
            Map.entry("team_missing_in_litellm", List.of(GHOSTWIRE_CORE_TEAM)),
            Map.entry("team_missing_in_nemo", List.of(LEGACY_TEAM)),
            Map.entry("team_org_mismatch", List.of(DATA_SCIENCE_TEAM_ORG_MISMATCH)),
            Map.entry("team_org_missing", List.of()),
            Map.entry("user_missing_in_auth", List.of()),
            Map.entry("roster_user_missing", List.of()),
            Map.entry("roster_teams_drift", List.of(DANA_TEAMS_ARRAY_DRIFT)),
            Map.entry("roster_membership_drift", List.of()),
            Map.entry("team_member_not_in_org", List.of(ROGUE_MEMBER_NOT_IN_ORG)),
            Map.entry("key_org_mismatch", List.of()),
            Map.entry("non_canonical_id", List.of(UMA_UPPERCASE_LITELLM_ID)),
            Map.entry("members_with_roles_not_array", List.of(SANDBOX_TEAM_EMPTY_OBJECT)),
            Map.entry("mapping_column", List.of()));

    @Parameter
    SchemaVariant variant;

    /** The seed in this run's {@link SchemaVariant} (LiteLLM version, schema names); tests only read it. */
    private Database seeded;
    private Database fixture;

    @BeforeEach
    void open() {
        seeded = Databases.SEEDED.computeIfAbsent(variant, v -> Database.open(v.target(v.copyOfSeed())));
        fixture = Databases.FIXTURE.computeIfAbsent(variant, v -> {
            String name = v.copyOfSeed();
            v.sql(name).execute(FIXTURE_SQL);
            return Database.open(v.target(name));
        });
    }

    /** One seed and one fixture database per variant, shared by the read-only tests of that variant. */
    private static final class Databases {
        static final Map<SchemaVariant, Database> SEEDED = new java.util.EnumMap<>(SchemaVariant.class);
        static final Map<SchemaVariant, Database> FIXTURE = new java.util.EnumMap<>(SchemaVariant.class);
    }

    @AfterAll
    static void close() {
        Databases.SEEDED.values().forEach(Database::close);
        Databases.FIXTURE.values().forEach(Database::close);
        Databases.SEEDED.clear();
        Databases.FIXTURE.clear();
    }

    @Test
    void theCheckIdsAreTheCommandLineContract() {
        assertThat(new AuditService(seeded).checks()).extracting(AuditCheck::id).containsExactly(
                "org_missing_in_litellm", "org_missing_in_nemo", "team_missing_in_litellm", "team_missing_in_nemo",
                "team_org_mismatch", "team_org_missing", "user_missing_in_auth", "roster_user_missing",
                "roster_teams_drift", "roster_membership_drift", "team_member_not_in_org", "key_org_mismatch",
                "non_canonical_id", "members_with_roles_not_array", "mapping_column");
    }

    @Test
    void eachCheckFindsExactlyTheSeededDrift() {
        AuditReport report = new AuditService(seeded).runAll();
        assertThat(entityIdsByCheck(report)).isEqualTo(SEEDED);
        assertThat(report.findings()).allSatisfy(finding -> {
            assertThat(finding.detail()).isNotBlank().endsWith(".");
            assertThat(finding.tables()).isNotEmpty();
        });
    }

    @Test
    void theCleanTenantHasNoFindings() {
        AuditReport report = new AuditService(seeded).runAll();
        assertThat(report.findings()).noneMatch(finding -> finding.concerns(ACME) || finding.concerns(ACME_PLATFORM_TEAM));
    }

    @Test
    void seededFindingsCarryTheirSeverityEntityAndTables() {
        AuditReport report = new AuditService(seeded).runAll();
        assertThat(only(report, "org_missing_in_litellm")).satisfies(finding -> {
            assertThat(finding.severity()).isEqualTo(Severity.ERROR);
            assertThat(finding.entityType()).isEqualTo("organization");
            assertThat(finding.tables()).containsExactly("nemo.organizations", "LiteLLM_OrganizationTable");
            assertThat(finding.detail()).contains("Ghostwire Analytics");
        });
        assertThat(only(report, "team_org_mismatch").related()).containsExactly(CEDAR_POINT);
        assertThat(only(report, "team_org_mismatch").organizationId()).isEqualTo(BLUE_HARBOR);
        assertThat(only(report, "team_member_not_in_org").related()).containsExactly(FLEET_OPS_TEAM);
        assertThat(only(report, "roster_teams_drift").severity()).isEqualTo(Severity.WARNING);
        assertThat(only(report, "non_canonical_id")).satisfies(finding -> {
            assertThat(finding.entityType()).isEqualTo("user");
            assertThat(finding.tables()).containsExactly("LiteLLM_OrganizationMembership", "LiteLLM_UserTable");
            assertThat(finding.related()).containsExactly(UMA_AUTH_ID);
        });
        assertThat(only(report, "members_with_roles_not_array").severity()).isEqualTo(Severity.INFO);
        assertThat(report.hasFindingsAtLeast(Severity.ERROR)).isTrue();
    }

    @Test
    void eachCheckFindsItsFixtureCase() {
        AuditReport report = new AuditService(fixture).runAll();
        Map<String, List<String>> found = entityIdsByCheck(report);
        String mismatchedToken = KeyService.tokenHash(MISMATCHED_KEY);
        assertThat(found.get("team_org_missing")).containsExactly(TEAM_WITHOUT_ORG);
        assertThat(found.get("user_missing_in_auth")).containsExactly("default_user_id", USER_WITHOUT_AUTH);
        assertThat(found.get("roster_user_missing")).containsExactly(USER_WITHOUT_LITELLM_ROW);
        assertThat(found.get("roster_teams_drift")).containsExactly(DANA_TEAMS_ARRAY_DRIFT, USER_WITH_STALE_TEAMS);
        assertThat(found.get("roster_membership_drift")).containsExactly(USER_WITH_STALE_TEAMS, USER_WITHOUT_TEAM_MEMBERSHIP);
        assertThat(found.get("team_member_not_in_org")).containsExactly(ROGUE_MEMBER_NOT_IN_ORG, USER_WITHOUT_LITELLM_ROW);
        assertThat(found.get("key_org_mismatch")).containsExactly(mismatchedToken);
        assertThat(found.get("non_canonical_id")).containsExactly(UMA_UPPERCASE_LITELLM_ID,
                USER_WITHOUT_TEAM_MEMBERSHIP.toUpperCase(java.util.Locale.ROOT));
        assertThat(found.get("mapping_column")).as("found in the nemo schema under its real name")
                .containsExactly(variant.schemas().nemo() + ".credit_balances.litellm_org_id");

        assertThat(severities(report, "user_missing_in_auth")).containsExactly(Severity.INFO, Severity.ERROR);
        assertThat(report.findings()).filteredOn(finding -> finding.check().id().equals("roster_membership_drift"))
                .extracting(Finding::entityId, Finding::severity)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(USER_WITH_STALE_TEAMS, Severity.WARNING),
                        org.assertj.core.groups.Tuple.tuple(USER_WITHOUT_TEAM_MEMBERSHIP, Severity.INFO));
        assertThat(only(report, "mapping_column").severity()).isEqualTo(Severity.WARNING);
        assertThat(only(report, "key_org_mismatch").detail()).contains("fixture-mismatch").doesNotContain(MISMATCHED_KEY);

        // The checks the fixture does not touch still find exactly the seeded drift.
        for (String check : List.of("org_missing_in_litellm", "org_missing_in_nemo", "team_missing_in_litellm",
                "team_missing_in_nemo", "team_org_mismatch", "members_with_roles_not_array")) {
            assertThat(found.get(check)).as(check).isEqualTo(SEEDED.get(check));
        }
    }

    @Test
    void oneCheckIsOneStatementAndTheWholeAuditIsOneTransaction() {
        Database database = seeded;
        AuditService service = new AuditService(database);
        database.statistics().clear();
        service.run(AuditCheck.TEAM_MEMBER_NOT_IN_ORG);
        // the check alone: cancelling needs no process id any more
        assertThat(database.statistics().getPrepareStatementCount()).isEqualTo(1);
        database.statistics().clear();
        service.runAll();
        assertThat(database.statistics().getPrepareStatementCount()).isEqualTo(AuditCheck.values().length);
    }

    @Test
    void aCancelledAuditStopsWithoutFindings() {
        AuditService service = new AuditService(seeded);
        Request request = new Request("Auditing", Runnable::run);
        assertThat(request.cancel()).isZero();
        assertThat(request.isCancelled()).isTrue();
        assertThatThrownBy(() -> request.call(service::runAll)).isInstanceOf(CancellationException.class);
        assertThatThrownBy(() -> request.call(() -> service.run(AuditCheck.MAPPING_COLUMN)))
                .isInstanceOf(CancellationException.class);
    }

    static Map<String, List<String>> entityIdsByCheck(AuditReport report) {
        return report.results().stream().collect(Collectors.toMap(result -> result.check().id(),
                result -> result.findings().stream().map(Finding::entityId).sorted().toList()));
    }

    private static List<Severity> severities(AuditReport report, String check) {
        return report.findings().stream().filter(finding -> finding.check().id().equals(check))
                .sorted(java.util.Comparator.comparing(Finding::entityId)).map(Finding::severity).toList();
    }

    private static Finding only(AuditReport report, String check) {
        List<Finding> findings = report.findings().stream().filter(finding -> finding.check().id().equals(check)).toList();
        assertThat(findings).as(check).hasSize(1);
        return findings.get(0);
    }
}
