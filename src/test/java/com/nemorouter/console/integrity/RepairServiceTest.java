package com.nemorouter.console.integrity;

import static com.nemorouter.console.testing.Seed.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

import com.nemorouter.console.audit.AuditTrail;
import com.nemorouter.console.connection.ConsoleHome;
import com.nemorouter.console.connection.Database;
import com.nemorouter.console.membership.RosterLocks;
import com.nemorouter.console.testing.AuditShapes;
import com.nemorouter.console.testing.TestDatabases;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each repair fixes its finding, writes its audit rows, and the re-run of its check is clean. */
class RepairServiceTest {

    @TempDir
    static Path home;
    private static Database database;
    private static AuditService audit;
    private static RepairService repairs;

    @BeforeAll
    static void open() {
        String name = TestDatabases.copyOfSeed();
        TestDatabases.execute(TestDatabases.dataSource(name), AuditServiceTest.FIXTURE_SQL);
        database = Database.open(TestDatabases.target(name));
        audit = new AuditService(database);
        repairs = new RepairService(database, new AuditTrail(new ConsoleHome(home), "tester", "test-host",
                Clock.systemUTC()), new RosterLocks());
    }

    @AfterAll
    static void close() {
        database.close();
    }

    @AfterEach
    void everyRepairWritesAuditRowsShapedAsLiteLlmWritesThem() {
        List<?> violations = database.read(em -> em.createNativeQuery(AuditShapes.LITELLM_SHAPE_VIOLATIONS).getResultList());
        assertThat(violations).as("audit rows not shaped as LiteLLM writes them").isEmpty();
    }

    @Test
    void aRepairAuditsTheWholeRowBeforeAndOnlyTheChangedKeys() {
        String name = TestDatabases.copyOfSeed();
        TestDatabases.execute(TestDatabases.dataSource(name), AuditServiceTest.FIXTURE_SQL);
        try (Database own = Database.open(TestDatabases.target(name))) {
            AuditService ownAudit = new AuditService(own);
            RepairService ownRepairs = new RepairService(own, new AuditTrail(new ConsoleHome(home), "tester", "test-host",
                    Clock.systemUTC()), new RosterLocks());
            Finding mismatch = ownAudit.run(AuditCheck.TEAM_ORG_MISMATCH).findings().stream()
                    .filter(finding -> finding.entityId().equals(DATA_SCIENCE_TEAM_ORG_MISMATCH)).findFirst().orElseThrow();

            ownRepairs.apply(ownRepairs.plan(mismatch, RepairChoice.NEMO_IS_RIGHT));

            List<?> rows = own.read(em -> em.createNativeQuery("""
                    select a.before_value ->> 'team_alias', a.before_value ->> 'organization_id',
                           (select string_agg(k, ',' order by k) from jsonb_object_keys(a.updated_values) k),
                           a.updated_values ->> 'organization_id'
                    from "LiteLLM_AuditLog" a where a.object_id = :team and a.changed_by like 'nemo-console:%'""")
                    .setParameter("team", DATA_SCIENCE_TEAM_ORG_MISMATCH).getResultList());
            assertThat(rows).singleElement().satisfies(row -> {
                Object[] values = (Object[]) row;
                assertThat(values[0]).as("the whole row before").isNotNull();
                assertThat(values[1]).isEqualTo(mismatch.related().get(0));
                assertThat(values[2]).isEqualTo("organization_id,updated_at");
                assertThat(values[3]).isEqualTo(mismatch.organizationId());
            });
            List<?> violations = own.read(em -> em.createNativeQuery(AuditShapes.LITELLM_SHAPE_VIOLATIONS).getResultList());
            assertThat(violations).isEmpty();
        }
    }

    @Test
    void createsTheMissingLiteLlmOrganizationThenItsTeam() {
        Finding team = finding(AuditCheck.TEAM_MISSING_IN_LITELLM, GHOSTWIRE_CORE_TEAM);
        assertThatThrownBy(() -> repairs.plan(team, RepairChoice.DEFAULT))
                .hasMessageContaining("organization is missing from LiteLLM");

        RepairPlan plan = repairs.plan(finding(AuditCheck.ORG_MISSING_IN_LITELLM, GHOSTWIRE_NEMO_ONLY), RepairChoice.DEFAULT);
        assertThat(plan.preview()).startsWith("-- Create LiteLLM organization " + GHOSTWIRE_NEMO_ONLY)
                .contains("insert into public.\"LiteLLM_BudgetTable\"")
                .contains("where n.organization_id = cast('" + GHOSTWIRE_NEMO_ONLY + "' as uuid)")
                .endsWith("commit;");
        long auditRows = auditRows();
        RepairOutcome outcome = repairs.apply(plan);
        assertThat(outcome.fixed()).isTrue();
        assertThat(outcome.recheck().findings()).isEmpty();
        assertThat(outcome.auditMessage()).isEqualTo("2 audit records written to LiteLLM_AuditLog.");
        assertThat(auditRows()).isEqualTo(auditRows + 2);
        assertThat(alias(GHOSTWIRE_NEMO_ONLY)).isEqualTo("Ghostwire Analytics");

        RepairOutcome teamOutcome = repairs.apply(repairs.plan(team, RepairChoice.DEFAULT));
        assertThat(teamOutcome.recheck().findings()).isEmpty();
    }

    @Test
    void createsTheMissingNemoOrganizationThenItsTeam() {
        RepairOutcome org = repairs.apply(repairs.plan(finding(AuditCheck.ORG_MISSING_IN_NEMO, LEGACY_LITELLM_ONLY),
                RepairChoice.DEFAULT));
        assertThat(org.recheck().findings()).extracting(Finding::entityId).doesNotContain(LEGACY_LITELLM_ONLY);
        RepairOutcome team = repairs.apply(repairs.plan(finding(AuditCheck.TEAM_MISSING_IN_NEMO, LEGACY_TEAM),
                RepairChoice.DEFAULT));
        assertThat(team.recheck().findings()).extracting(Finding::entityId).doesNotContain(LEGACY_TEAM);
        assertThat(single("select slug from nemo.organizations where organization_id = '" + LEGACY_LITELLM_ONLY + "'"))
                .isEqualTo("legacy-proxy-tenant");
    }

    @Test
    void alignsATeamsOrganizationOnTheSideTheUserPicks() {
        Finding mismatch = finding(AuditCheck.TEAM_ORG_MISMATCH, DATA_SCIENCE_TEAM_ORG_MISMATCH);
        assertThat(RepairService.choices(mismatch)).containsExactly(RepairChoice.NEMO_IS_RIGHT, RepairChoice.LITELLM_IS_RIGHT);
        RepairPlan plan = repairs.plan(mismatch, RepairChoice.LITELLM_IS_RIGHT);
        assertThat(plan.preview()).contains("update nemo.teams set organization_id = cast('" + CEDAR_POINT + "' as uuid)");
        RepairOutcome outcome = repairs.apply(plan);
        assertThat(outcome.recheck().findings()).isEmpty();
        assertThat(single("select organization_id::text from nemo.teams where team_id = '"
                + DATA_SCIENCE_TEAM_ORG_MISMATCH + "'")).isEqualTo(CEDAR_POINT);
    }

    @Test
    void addsTheMissingTeamsEntryUnderTheRosterLock() {
        RepairPlan plan = repairs.plan(finding(AuditCheck.ROSTER_TEAMS_DRIFT, DANA_TEAMS_ARRAY_DRIFT), RepairChoice.DEFAULT);
        assertThat(plan.lockTeams()).containsExactly(FLEET_OPS_TEAM);
        assertThat(plan.preview()).contains("pg_advisory_xact_lock(hashtext('" + FLEET_OPS_TEAM + "'))")
                .contains("array_append");
        RepairOutcome outcome = repairs.apply(plan);
        assertThat(outcome.recheck().findings()).extracting(Finding::entityId).doesNotContain(DANA_TEAMS_ARRAY_DRIFT);
        assertThat(single("select array_to_string(teams, ',') from \"LiteLLM_UserTable\" where user_id = '"
                + DANA_TEAMS_ARRAY_DRIFT + "'")).isEqualTo(FLEET_OPS_TEAM);
        // The other direction (a teams entry whose roster lacks the user) has no safe fix.
        Finding staleEntry = finding(AuditCheck.ROSTER_TEAMS_DRIFT, AuditServiceTest.USER_WITH_STALE_TEAMS);
        assertThat(RepairService.choices(staleEntry)).isEmpty();
    }

    @Test
    void addsTheMissingTeamMembershipRow() {
        Finding missing = audit.run(AuditCheck.ROSTER_MEMBERSHIP_DRIFT).findings().stream()
                .filter(finding -> finding.severity() == Severity.INFO).findFirst().orElseThrow();
        RepairOutcome outcome = repairs.apply(repairs.plan(missing, RepairChoice.DEFAULT));
        assertThat(outcome.recheck().findings()).extracting(Finding::severity).containsExactly(Severity.WARNING);
    }

    @Test
    void lowercasesANonCanonicalUserIdEverywhere() {
        RepairPlan plan = repairs.plan(finding(AuditCheck.NON_CANONICAL_ID, UMA_UPPERCASE_LITELLM_ID), RepairChoice.DEFAULT);
        assertThat(plan.preview()).contains("set user_id = '" + UMA_AUTH_ID + "'");
        RepairOutcome outcome = repairs.apply(plan);
        assertThat(outcome.recheck().findings()).extracting(Finding::entityId).doesNotContain(UMA_UPPERCASE_LITELLM_ID);
        assertThat(single("select count(*)::text from \"LiteLLM_OrganizationMembership\" where user_id = '"
                + UMA_AUTH_ID + "' and organization_id = '" + CEDAR_POINT + "'")).isEqualTo("1");
        assertThat(single("select count(*)::text from \"LiteLLM_UserTable\" where user_id = '" + UMA_UPPERCASE_LITELLM_ID + "'"))
                .isEqualTo("0");
    }

    @Test
    void checksWithoutASafeFixOfferNone() {
        Finding rogue = finding(AuditCheck.TEAM_MEMBER_NOT_IN_ORG, ROGUE_MEMBER_NOT_IN_ORG);
        assertThat(RepairService.choices(rogue)).isEmpty();
        assertThatThrownBy(() -> repairs.plan(rogue, RepairChoice.DEFAULT)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("No safe repair");
    }

    private static Finding finding(AuditCheck check, String entityId) {
        List<Finding> findings = audit.run(check).findings().stream()
                .filter(finding -> finding.entityId().equals(entityId)).toList();
        assertThat(findings).as(check.id() + " " + entityId).isNotEmpty();
        return findings.get(0);
    }

    private static long auditRows() {
        return Long.parseLong(single("select count(*)::text from \"LiteLLM_AuditLog\" where changed_by like 'nemo-console:%'"));
    }

    private static String alias(String org) {
        return single("select organization_alias from \"LiteLLM_OrganizationTable\" where organization_id = '" + org + "'");
    }

    private static String single(String sql) {
        return database.read(em -> (String) em.createNativeQuery(sql).getSingleResult());
    }
}
