package com.nemorouter.console.spend;

import static com.nemorouter.console.testing.Seed.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import javax.sql.DataSource;

import com.nemorouter.console.connection.Database;
import com.nemorouter.console.testing.TestDatabases;
import com.nemorouter.console.ui.SameThreadTaskRunner;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Spend at a glance: budgets of an organization, its teams, members and team members, with the 24 h cross-check. */
class SpendServiceTest {

    private static Database database;
    private static DataSource dataSource;

    @BeforeAll
    static void open() {
        String name = TestDatabases.copyOfSeed();
        database = Database.open(TestDatabases.target(name));
        dataSource = TestDatabases.dataSource(name);
    }

    @AfterAll
    static void close() {
        database.close();
    }

    @Test
    void listsTheOrganizationItsTeamsMembersAndTeamMembersWithTheirBudgets() {
        SpendReport report = new SpendService(database).organization(ACME, false);
        assertThat(report.spendLogsSkipped()).isNull();
        assertThat(report.rows().get(0).scope()).isEqualTo("organization");
        assertThat(report.rows().get(0).maxBudget()).isEqualTo(25000.0);
        assertThat(report.rows().get(0).budgetResetAt()).isNotNull();
        assertThat(report.rows()).filteredOn(row -> row.scope().equals("team")).hasSize(ACME_TEAMS);
        assertThat(report.rows()).filteredOn(row -> row.scope().equals("member")).hasSize(ACME_MEMBERS);
        assertThat(report.rows()).filteredOn(row -> row.scope().equals("team member")).isNotEmpty();
        assertThat(report.rows()).filteredOn(row -> !row.scope().equals("team member"))
                .allSatisfy(row -> assertThat(row.spend24h()).isNotNull());
    }

    @Test
    void spendOfTheLast24HoursIsCrossCheckedAndABudgetReachedIsMarked() {
        String request = UUID.randomUUID().toString();
        TestDatabases.execute(dataSource, "insert into \"LiteLLM_SpendLogs\" (request_id, call_type, api_key, spend, "
                + "\"startTime\", \"endTime\", team_id, organization_id, \"user\") values ('" + request + "', 'acompletion', "
                + "'k', 2.5, timezone('utc', now()) - interval '1 hour', timezone('utc', now()) - interval '1 hour', '"
                + ACME_PLATFORM_TEAM + "', '" + ACME + "', 'someone')");
        TestDatabases.execute(dataSource, "update \"LiteLLM_TeamTable\" set max_budget = spend where team_id = '"
                + ACME_PLATFORM_TEAM + "'");
        SpendReport report = new SpendService(database).organization(ACME, false);
        SpendRow org = report.rows().get(0);
        assertThat(org.spend24h()).isEqualTo(2.5);
        SpendRow platform = report.rows().stream().filter(row -> row.id().equals(ACME_PLATFORM_TEAM)).findFirst().orElseThrow();
        assertThat(platform.spend24h()).isEqualTo(2.5);
        assertThat(platform.atOrOverBudget()).isTrue();
        assertThat(platform.percentUsed()).isEqualTo("100%");
    }

    @Test
    void aLargeSpendLogsWithoutAnIndexIsSkippedUntilAsked() {
        SpendService cautious = new SpendService(database, -1);
        SpendReport skipped = cautious.organization(ACME, false);
        assertThat(skipped.spendLogsSkipped()).contains("no index on organization_id");
        assertThat(skipped.rows()).allSatisfy(row -> assertThat(row.spend24h()).isNull());
        assertThat(cautious.organization(ACME, true).spendLogsSkipped()).isNull();

        SpendViewModel viewModel = new SpendViewModel(cautious, new SameThreadTaskRunner());
        viewModel.open(ACME);
        assertThat(viewModel.canScanProperty().get()).isTrue();
        assertThat(viewModel.summaryProperty().get()).contains("LiteLLM_SpendLogs not read");
        viewModel.scanSpendLogs();
        assertThat(viewModel.canScanProperty().get()).isFalse();
        assertThat(viewModel.rows().get(0).spend24h()).isNotNull();
    }

    @Test
    void aTeamShowsItselfItsMembersBudgetsAndItsKeys() {
        SpendReport report = new SpendService(database).team(ACME_PLATFORM_TEAM, false);
        assertThat(report.rows().get(0).scope()).isEqualTo("team");
        assertThat(report.rows().get(0).id()).isEqualTo(ACME_PLATFORM_TEAM);
        assertThat(report.rows()).filteredOn(row -> row.scope().equals("team member")).isNotEmpty();
        assertThat(report.rows()).filteredOn(row -> row.scope().equals("key")).hasSize(2)
                .allSatisfy(row -> assertThat(row.name()).startsWith("platform-"));
        assertThat(report.rows()).allSatisfy(row -> assertThat(row.spend24h()).isNotNull());
    }

    @Test
    void aMemberShowsTheirOwnBudgetTheirTeamBudgetsAndTheirKeys() {
        String user = new com.nemorouter.console.testing.Sql(dataSource).rows(
                "select user_id from \"LiteLLM_VerificationToken\" where key_alias like 'platform-%' order by key_alias limit 1")
                .get(0).get(0);
        TestDatabases.execute(dataSource, "update \"LiteLLM_UserTable\" set max_budget = 0.000001 where user_id = '" + user + "'");
        SpendReport report = new SpendService(database).member(user, false);
        SpendRow own = report.rows().get(0);
        assertThat(own.scope()).isEqualTo("user");
        assertThat(own.atOrOverBudget()).isTrue();
        assertThat(report.rows()).filteredOn(row -> row.scope().equals("team member"))
                .anySatisfy(row -> assertThat(row.id()).isEqualTo(ACME_PLATFORM_TEAM));
        assertThat(report.rows()).filteredOn(row -> row.scope().equals("key")).isNotEmpty();
    }

    @Test
    void readsInAtMostThreeStatements() {
        database.statistics().clear();
        new SpendService(database).organization(ACME, false);
        assertThat(database.statistics().getPrepareStatementCount()).isLessThanOrEqualTo(3);
    }
}
