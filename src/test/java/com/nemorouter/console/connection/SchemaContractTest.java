package com.nemorouter.console.connection;

import static org.assertj.core.api.Assertions.assertThat;

import com.nemorouter.console.app.ConsoleServices;
import com.nemorouter.console.testing.SchemaVariant;
import com.nemorouter.console.testing.Seed;
import com.nemorouter.console.testing.TestDatabases;

import org.junit.jupiter.api.Test;

/** The contract runs before Hibernate starts, on private copies of the seed that each test alters. */
class SchemaContractTest {

    @Test
    void theSeedFulfilsEveryFeature() {
        SchemaReport report = TestDatabases.seeded().schemaReport();

        assertThat(report.allAvailable()).isTrue();
        assertThat(report.missingTables()).isEmpty();
        assertThat(report.summary()).isEmpty();
        assertThat(report.lines()).containsExactly("schema: nemo=nemo,public=public,auth=auth",
                "LiteLLM schema: newest, all optional columns present",
                "feature organizations: available", "feature teams: available", "feature members: available",
                "feature organization edits: available", "feature team edits: available");
        assertThat(report.generation().era()).isEqualTo(LiteLlmGeneration.Era.NEWEST);
        assertThat(report.generation().assumedVersion()).isEqualTo("newest");
    }

    @Test
    void liteLlm0464ColumnsAreRecognisedListedWithTheirCostAndBreakNoFeature() {
        SchemaVariant variant = SchemaVariant.V0_4_64_RENAMED_SCHEMAS;
        try (Database database = Database.open(variant.target(variant.copyOfSeed()))) {
            SchemaReport report = database.schemaReport();

            assertThat(report.allAvailable()).isTrue();
            assertThat(database.liteLlmGeneration().era()).isEqualTo(LiteLlmGeneration.Era.V0_4_64);
            assertThat(database.liteLlmGeneration().assumedVersion()).isEqualTo("0.4.64");
            assertThat(report.lines()).contains("LiteLLM schema: 0.4.64-era, 8 optional columns absent",
                    "  - optional column litellm.\"LiteLLM_TeamMembership\".total_spend is absent: costs nothing; "
                            + "the console writes team memberships without it and never reads it");
            assertThat(database.liteLlmColumns().shared("LiteLLM_VerificationToken", "LiteLLM_DeletedVerificationToken",
                    java.util.Set.of())).contains("token", "team_id", "key_rotation_at").doesNotContain("budget_limits");
        }
    }

    @Test
    void aVersionBetweenIsRecognisedFromSomeOptionalColumns() {
        String name = TestDatabases.copyOfSeed();
        TestDatabases.execute(TestDatabases.dataSource(name), "alter table \"LiteLLM_BudgetTable\" drop column allowed_models");

        try (Database database = Database.open(TestDatabases.target(name))) {
            assertThat(database.liteLlmGeneration().line())
                    .isEqualTo("LiteLLM schema: between 0.4.64 and newest, 1 optional column absent");
            assertThat(database.liteLlmGeneration().olderThanNewest()).isTrue();
        }
    }

    @Test
    void aTableAnEditWritesIsRequiredForThatEditButBrowsingGoesOn() {
        String name = TestDatabases.copyOfSeed();
        TestDatabases.execute(TestDatabases.dataSource(name), "drop table \"LiteLLM_TeamMembership\"");

        try (Database database = Database.open(TestDatabases.target(name))) {
            SchemaReport report = database.schemaReport();

            assertThat(report.availability("team edits")).isEqualTo(SchemaReport.Availability.UNAVAILABLE);
            assertThat(report.availability("organization edits")).isEqualTo(SchemaReport.Availability.AVAILABLE);
            assertThat(report.availability("teams")).isEqualTo(SchemaReport.Availability.DEGRADED);
            assertThat(report.missingTables()).isEmpty();
            assertThat(report.anyUnavailable()).isTrue();
        }
    }

    @Test
    void aMissingRequiredTableMakesItsFeatureUnavailableAndIsListed() {
        String name = TestDatabases.copyOfSeed();
        TestDatabases.execute(TestDatabases.dataSource(name), "drop table nemo.teams cascade");

        try (Database database = Database.open(TestDatabases.target(name))) {
            SchemaReport report = database.schemaReport();

            assertThat(report.availability("teams")).isEqualTo(SchemaReport.Availability.UNAVAILABLE);
            assertThat(report.availability("organizations")).isEqualTo(SchemaReport.Availability.AVAILABLE);
            assertThat(report.missingTables()).containsExactly("nemo.teams");
            assertThat(report.lines()).contains("feature teams: unavailable",
                    "  - table nemo.teams is missing (or not readable by this role)");
        }
    }

    @Test
    void aMissingColumnMakesItsFeatureUnavailableWithoutAStackTrace() {
        String name = TestDatabases.copyOfSeed();
        TestDatabases.execute(TestDatabases.dataSource(name),
                "alter table \"LiteLLM_OrganizationTable\" drop column organization_alias");

        try (Database database = Database.open(TestDatabases.target(name))) {
            SchemaReport report = database.schemaReport();

            assertThat(report.availability("organizations")).isEqualTo(SchemaReport.Availability.UNAVAILABLE);
            assertThat(report.missingTables()).isEmpty();
            assertThat(report.summary()).isEqualTo("Schema mismatch: organizations unavailable (column "
                    + "public.\"LiteLLM_OrganizationTable\".organization_alias is missing).");
        }
    }

    @Test
    void aMissingOptionalColumnOrTableDegradesAndAChangedTypeIsNamed() {
        String name = TestDatabases.copyOfSeed();
        TestDatabases.execute(TestDatabases.dataSource(name), "drop table \"LiteLLM_TeamMembership\"; "
                + "alter table auth.users drop column raw_user_meta_data; "
                + "alter table nemo.organizations alter column plan drop default, "
                + "alter column plan type jsonb using to_jsonb(plan)");

        try (Database database = Database.open(TestDatabases.target(name))) {
            SchemaReport report = database.schemaReport();

            assertThat(report.availability("teams")).isEqualTo(SchemaReport.Availability.DEGRADED);
            assertThat(report.availability("members")).isEqualTo(SchemaReport.Availability.DEGRADED);
            assertThat(report.availability("organizations")).isEqualTo(SchemaReport.Availability.UNAVAILABLE);
            assertThat(report.missingTables()).isEmpty();
            assertThat(report.lines()).contains(
                    "  - table public.\"LiteLLM_TeamMembership\" is missing (or not readable by this role): "
                            + "rosters cannot show whether LiteLLM_TeamMembership agrees",
                    "  - column auth.users.raw_user_meta_data is missing: member details cannot show the full name",
                    "  - column nemo.organizations.plan is jsonb, expected text");
        }
    }

    @Test
    void extraTablesAndColumnsAreFine() {
        String name = TestDatabases.copyOfSeed();
        TestDatabases.execute(TestDatabases.dataSource(name),
                "alter table \"LiteLLM_UserTable\" add column nemo_console_future_flag text; "
                        + "alter table nemo.organizations add column billing_email text; "
                        + "create table \"LiteLLM_NewFeatureTable\" (id text primary key)");

        try (Database database = Database.open(TestDatabases.target(name))) {
            assertThat(database.schemaReport().allAvailable()).isTrue();
            assertThat(ConsoleServices.wire(database).census().census().readyLine())
                    .isEqualTo("ready: " + Seed.ORGANIZATIONS + " organizations, " + Seed.TEAMS + " teams, "
                            + Seed.USERS + " users");
        }
    }

    @Test
    void schemaNamesAreConfigurableAndTheConsoleSqlFollowsThem() {
        String name = TestDatabases.copyOfSeed();
        TestDatabases.execute(TestDatabases.dataSource(name), "alter schema nemo rename to nemo_prod; "
                + "alter schema auth rename to supabase_auth; create schema litellm; "
                + "do $$ declare t text; begin for t in select tablename from pg_tables where schemaname = 'public' "
                + "and tablename like 'LiteLLM%' loop execute format('alter table public.%I set schema litellm', t); "
                + "end loop; end $$");
        SchemaNames schemas = new SchemaNames("nemo_prod", "litellm", "supabase_auth");

        try (Database defaults = Database.open(TestDatabases.target(name))) {
            assertThat(defaults.schemaReport().missingTables()).hasSize(7);
        }
        try (Database database = Database.open(TestDatabases.target(name).withSchemas(schemas))) {
            assertThat(database.schemaReport().allAvailable()).isTrue();
            assertThat(database.schemaReport().lines().get(0))
                    .isEqualTo("schema: nemo=nemo_prod,public=litellm,auth=supabase_auth");
            ConsoleServices services = ConsoleServices.wire(database);
            assertThat(services.census().census().readyLine()).isEqualTo("ready: " + Seed.ORGANIZATIONS
                    + " organizations, " + Seed.TEAMS + " teams, " + Seed.USERS + " users");
            assertThat(services.organizations().count("")).isEqualTo(Seed.ORGANIZATIONS);
            assertThat(services.connection().writeAccess().readOnly()).isFalse();
        }
    }

    @Test
    void resolveFillsInOnlyThePlaceholders() {
        SchemaNames names = new SchemaNames("n2", "Lite", "a2");

        assertThat(names.resolve("select a.id, x.auth from {auth}.users a join {litellm}.\"LiteLLM_UserTable\" u "
                + "on u.x = 'public.y' and u.j = '{}' join {nemo}.teams t on t.public = 1 join pg_catalog.pg_class c"))
                .isEqualTo("select a.id, x.auth from a2.users a join \"Lite\".\"LiteLLM_UserTable\" u "
                        + "on u.x = 'public.y' and u.j = '{}' join n2.teams t on t.public = 1 join pg_catalog.pg_class c");
        assertThat(SchemaNames.DEFAULT.resolve("select 1 from {nemo}.teams join {litellm}.\"X\" using (id)"))
                .isEqualTo("select 1 from nemo.teams join public.\"X\" using (id)");
    }
}
