package com.nemorouter.console.integrity;

import static com.nemorouter.console.testing.Seed.ACME;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.nemorouter.console.wiring.ConsoleServices;
import com.nemorouter.console.connection.ConnectionStrings;
import com.nemorouter.console.connection.ConsoleHome;
import com.nemorouter.console.connection.Connector;
import com.nemorouter.console.connection.Database;
import com.nemorouter.console.connection.SchemaReport;
import com.nemorouter.console.cli.CommandLine;
import com.nemorouter.console.connection.ConnectionTarget;
import com.nemorouter.console.presence.PresenceEntry;
import com.nemorouter.console.testing.TestDatabases;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Supabase turns row-level security on for {@code auth.users} with no policy: a console role that neither
 * owns it nor has BYPASSRLS sees zero users, without an error. The console must say so and never turn the
 * empty table into findings.
 */
class RowLevelSecurityTest {

    @TempDir
    Path home;

    private String name;
    private String role;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void supabaseRowLevelSecurityAndAConsoleRole() {
        name = TestDatabases.copyOfSeed();
        role = "console_" + name;
        TestDatabases.execute(TestDatabases.dataSource(name), AuditServiceTest.FIXTURE_SQL
                + "; create role " + role + " login; "
                + "grant usage on schema nemo, auth, public to " + role + "; "
                + "grant select on all tables in schema nemo, auth, public to " + role + "; "
                + "alter table auth.users enable row level security");
    }

    private String url() {
        return "postgresql://" + role + "@localhost:" + TestDatabases.port() + "/" + name;
    }

    private int run(String command) {
        out.reset();
        err.reset();
        CommandLine commandLine = new CommandLine(new Connector(new ConsoleHome(home), ConnectionStrings.isolated()),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return commandLine.run(List.of("--url", url(), command), Map.of());
    }

    @Test
    void checkNamesTheTableAndTheRoleShowsBothFixesAndExitsOne() {
        int exit = run("check");

        assertThat(exit).isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8).lines().toList()).contains(
                "row-level security: auth.users hides its rows from role " + role + " (RLS is on, the role neither "
                        + "owns the table nor has BYPASSRLS, and no policy lets it read)",
                "  fix, either (as a superuser): ALTER ROLE " + role + " BYPASSRLS;",
                "  or a read policy: CREATE POLICY nemo_console_read ON auth.users FOR SELECT TO " + role + " USING (true);",
                "feature members: unavailable",
                "  - rows of table auth.users are hidden from role " + role + " by row-level security",
                "feature organizations: available",
                "not ready: row-level security hides auth.users from role " + role);
    }

    @Test
    void theAuditSkipsWhatDependsOnTheHiddenTableReportsNothingFalseAndExitsOne() {
        try (Database database = Database.open(ConnectionTarget.parse(url()))) {
            AuditReport report = ConsoleServices.wire(database, new ConsoleHome(home)).audit().runAll();

            assertThat(report.skipped()).extracting(result -> result.check().id()).containsExactly("user_missing_in_auth");
            assertThat(report.skipped().get(0).skippedReason())
                    .isEqualTo("row-level security hides the rows of auth.users from role " + role);
            assertThat(report.findings()).extracting(finding -> finding.check().id()).doesNotContain("user_missing_in_auth");
            assertThat(report.complete()).isFalse();
        }

        int exit = run("audit");

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains(
                "audit: skipped user_missing_in_auth: row-level security hides the rows of auth.users from role " + role,
                "audit: incomplete, 1 of ");
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("user_missing_in_auth: skipped (");
    }

    @Test
    void theAuditWindowMarksTheSkippedCheckAndSaysTheAuditIsIncomplete() {
        try (Database database = Database.open(ConnectionTarget.parse(url()))) {
            AuditViewModel audit = new AuditViewModel(new AuditService(database), new RepairService(database, null, null),
                    new com.nemorouter.console.ui.SameThreadTaskRunner(), entity -> { });
            audit.run();

            assertThat(audit.checks()).filteredOn(row -> row.check().id().equals("user_missing_in_auth"))
                    .singleElement().satisfies(row -> {
                        assertThat(row.status()).isEqualTo("skipped");
                        assertThat(row.severities()).isEqualTo("row-level security hides the rows of auth.users from role "
                                + role);
                    });
            assertThat(audit.statusProperty().get()).contains("Incomplete: 1 skipped (user_missing_in_auth: "
                    + "row-level security hides the rows of auth.users from role " + role + ").");

            LocateViewModel locate = new LocateViewModel(new LocateService(database,
                    new com.nemorouter.console.presence.PresenceQuery(100, "nemo", "auth", "public",
                            database.schemaReport().rowSecurity())),
                    new com.nemorouter.console.ui.SameThreadTaskRunner(), entity -> { });
            locate.inputProperty().set(AuditServiceTest.USER_WITH_STALE_TEAMS);
            locate.locate();
            assertThat(locate.messageProperty().get()).contains("column(s) hidden by row-level security");
        }
    }

    @Test
    void presenceAndLocateSayHiddenInsteadOfZeroRows() {
        String user = AuditServiceTest.USER_WITH_STALE_TEAMS;
        try (Database database = Database.open(ConnectionTarget.parse(url()))) {
            ConsoleServices services = ConsoleServices.wire(database, new ConsoleHome(home));

            LocateResult located = services.locate().locate(user, java.util.Set.of());
            assertThat(located.hidden()).extracting(PresenceEntry::qualifiedTable).contains("auth.users");
            assertThat(located.hidden()).allSatisfy(entry ->
                    assertThat(entry.describeCount()).isEqualTo("hidden by row-level security"));
            assertThat(services.organizations().open(ACME).orElseThrow().presence().hasMissingExpected()).isFalse();
            // The list reads over plain JDBC as the same role; the member view's two reads keep auth hidden.
            assertThat(services.organizations().firstPage("acme", 10).page().rows())
                    .extracting(com.nemorouter.console.organization.OrganizationRow::id).containsExactly(ACME);
            var member = services.members().open(user).orElseThrow().presence()
                    .withCounts(services.members().presenceRest(user));
            assertThat(member.entries()).filteredOn(entry -> entry.qualifiedTable().equals("auth.users"))
                    .isNotEmpty().allSatisfy(entry -> assertThat(entry.status()).isEqualTo(PresenceEntry.Status.HIDDEN));
        }
    }

    @Test
    void aReadPolicyBringsTheRealFindingsBack() {
        TestDatabases.execute(TestDatabases.dataSource(name),
                "create policy nemo_console_read on auth.users for select to " + role + " using (true)");

        try (Database database = Database.open(ConnectionTarget.parse(url()))) {
            SchemaReport schema = database.schemaReport();
            assertThat(schema.rowSecurity().hidesAny()).isFalse();
            assertThat(schema.allAvailable()).isTrue();
            AuditReport report = ConsoleServices.wire(database, new ConsoleHome(home)).audit().runAll();

            assertThat(report.complete()).isTrue();
            assertThat(report.results()).filteredOn(result -> result.check().id().equals("user_missing_in_auth"))
                    .singleElement().extracting(CheckResult::findings).asList()
                    .extracting(finding -> ((Finding) finding).entityId())
                    .containsExactly("default_user_id", AuditServiceTest.USER_WITHOUT_AUTH);
        }
        assertThat(run("check")).isZero();
    }
}
