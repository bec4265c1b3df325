package com.nemorouter.console.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.nemorouter.console.wiring.ConsoleServices;
import com.nemorouter.console.connection.ConnectionProfile;
import com.nemorouter.console.connection.LaunchOptions;
import com.nemorouter.console.connection.ConnectionStrings;
import com.nemorouter.console.connection.ProfileStore;
import com.nemorouter.console.connection.SchemaNames;
import com.nemorouter.console.connection.ConsoleHome;
import com.nemorouter.console.connection.Connector;
import com.nemorouter.console.testing.SchemaVariant;
import com.nemorouter.console.testing.Seed;
import com.nemorouter.console.testing.SilentServer;
import com.nemorouter.console.testing.TestDatabases;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckCommandTest {

    @TempDir
    Path home;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(Map<String, String> environment, String... args) {
        CommandLine commandLine = new CommandLine(new Connector(new ConsoleHome(home), ConnectionStrings.isolated()),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return commandLine.run(List.of(args), environment);
    }

    private int check(String url, String... more) {
        CommandLine commandLine = new CommandLine(new Connector(new ConsoleHome(home), ConnectionStrings.isolated()),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        List<String> args = new java.util.ArrayList<>(url == null ? List.of() : List.of("--url", url));
        args.addAll(List.of(more));
        args.add("check");
        return commandLine.run(args, Map.of());
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void printsTheReadyLineWithTheSeededCounts() {
        int exit = run(Map.of(), "check", "--url", TestDatabases.url(TestDatabases.copyOfSeed()));
        assertThat(exit).isZero();
        assertThat(out()).contains("ready: " + Seed.ORGANIZATIONS + " organizations, " + Seed.TEAMS + " teams, "
                + Seed.USERS + " users");
        assertThat(err()).isEmpty();
    }

    @Test
    void checkReadsOverPlainJdbcAndNeverStartsHibernate() {
        Connector connector = new Connector(new ConsoleHome(home), ConnectionStrings.isolated());
        LaunchOptions options = LaunchOptions.parse(List.of("--url", TestDatabases.url(TestDatabases.copyOfSeed())), Map.of());
        try (Connector.OpenConnection connection = connector.open(options)) {
            ConsoleServices services = ConsoleServices.wire(connection.database(), new ConsoleHome(home));
            int exit = new CheckCommand().run(services, null, new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8));
            assertThat(exit).isZero();
            assertThat(out()).contains("read-only: no (role ").contains("ready: " + Seed.ORGANIZATIONS + " organizations");
            assertThat(connection.database().hibernateStarted()).isFalse();
            // The list reads over plain JDBC too; opening an organization is the first read that starts it.
            assertThat(services.organizations().firstPage("", 5).page().rows()).hasSize(5);
            assertThat(connection.database().hibernateStarted()).isFalse();
            assertThat(services.organizations().open(Seed.ACME)).isPresent();
            assertThat(connection.database().hibernateStarted()).isTrue();
        }
    }

    @Test
    void takesTheConnectionFromDatabaseUrlWhenNoFlagIsGiven() {
        int exit = run(Map.of("DATABASE_URL", TestDatabases.url(TestDatabases.copyOfSeed())), "check");
        assertThat(exit).isZero();
        assertThat(out()).contains("ready: " + Seed.ORGANIZATIONS + " organizations");
    }

    @Test
    void unknownCommandAndStrayArgumentsAreBadInput() {
        assertThat(run(Map.of(), "frobnicate")).isEqualTo(2);
        assertThat(err()).isEqualTo("error: unknown command frobnicate; see 'nemo-console --help'.\n");
        assertThat(run(Map.of(), "check", "extra")).isEqualTo(2);
        assertThat(err()).contains("unexpected argument extra for check; see 'nemo-console check --help'.");
        assertThat(run(Map.of(), "check", "--url")).isEqualTo(2);
        assertThat(err()).contains("--url needs a connection string");
    }

    @Test
    void malformedConnectionStringIsBadInputWithAClearMessage() {
        assertThat(run(Map.of(), "check", "--url", "mysql://root:hunter2@db/x")).isEqualTo(2);
        assertThat(err()).contains("postgresql://").doesNotContain("hunter2");
    }

    @Test
    void unreachableDatabaseFailsWithExitOneAndNeverShowsThePassword() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        int exit = run(Map.of(), "check", "--url",
                "postgresql://admin:s3cr%40t-pass@127.0.0.1:" + closedPort + "/postgres?connectTimeout=2");
        assertThat(exit).isEqualTo(1);
        assertThat(err()).contains("error: check failed: 127.0.0.1:" + closedPort + " refused the connection; check "
                + "that PostgreSQL is running there").doesNotContain("s3cr").doesNotContain("Exception")
                .doesNotContain("\tat ");
        assertThat(out()).isEmpty();
    }

    @Test
    void aSilentServerTimesOutWithinTheConnectTimeoutInOneSentence() throws Exception {
        try (SilentServer silent = new SilentServer()) {
            long start = System.nanoTime();
            int exit = run(Map.of(), "--connect-timeout", "2", "check", "--url",
                    "postgresql://admin:s3cret@127.0.0.1:" + silent.port() + "/postgres");
            java.time.Duration took = java.time.Duration.ofNanos(System.nanoTime() - start);

            assertThat(exit).isEqualTo(1);
            assertThat(err()).isEqualTo("error: check failed: 127.0.0.1:" + silent.port() + " did not answer within 2 s; "
                    + "check the host, the port and any firewall in between, or allow more time with "
                    + "--connect-timeout <seconds>.\n");
            assertThat(took).isLessThan(java.time.Duration.ofSeconds(2 + 4));
            assertThat(out()).isEmpty();
        }
    }

    @Test
    void recognisesCommandsAnywhereAfterTheConnectionOptions() {
        assertThat(CommandLine.opensWindow(List.of("--url", "postgresql://h/db", "check"))).isFalse();
        assertThat(CommandLine.opensWindow(List.of("--reset-demo"))).isTrue();
        assertThat(CommandLine.opensWindow(List.of())).isTrue();
        // The README's "java -jar nemo-console.jar --theme dark" opens the window (it was "unknown option").
        assertThat(CommandLine.opensWindow(List.of("--theme", "dark"))).isTrue();
        assertThat(CommandLine.opensWindow(List.of("--theme=light", "--reset-demo"))).isTrue();
        assertThat(CommandLine.opensWindow(List.of("--theme", "dark", "check"))).isFalse();
    }

    @Test
    void printsTheReportTheWriteStateAndTheReadyLine() {
        int exit = check(TestDatabases.url(TestDatabases.copyOfSeed()));

        assertThat(exit).isZero();
        assertThat(out().lines().toList()).contains(
                "schema: nemo=nemo,public=public,auth=auth",
                "feature organizations: available", "feature teams: available", "feature members: available",
                "read-only: no (role postgres may write the membership tables)",
                "ready: " + Seed.ORGANIZATIONS + " organizations, " + Seed.TEAMS + " teams, " + Seed.USERS + " users");
        assertThat(out()).contains("TLS: not encrypted");
    }

    @Test
    void exitsOneWithoutTheCensusWhenARequiredTableIsMissing() {
        String name = TestDatabases.copyOfSeed();
        TestDatabases.execute(TestDatabases.dataSource(name), "drop table \"LiteLLM_UserTable\" cascade");

        int exit = check(TestDatabases.url(name));

        assertThat(exit).isEqualTo(1);
        assertThat(out()).contains("feature members: unavailable",
                "  - table public.\"LiteLLM_UserTable\" is missing (or not readable by this role)",
                "not ready: missing public.\"LiteLLM_UserTable\"");
        assertThat(out()).doesNotContain("ready: " + Seed.ORGANIZATIONS);
        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void exitsOneWhenTheSchemaMakesAnEditUnavailableButStillPrintsTheCensus() {
        String name = TestDatabases.copyOfSeed();
        TestDatabases.execute(TestDatabases.dataSource(name), "drop table \"LiteLLM_TeamMembership\"");

        int exit = check(TestDatabases.url(name));

        assertThat(exit).isEqualTo(1);
        assertThat(out()).contains("feature team edits: unavailable",
                "  - table public.\"LiteLLM_TeamMembership\" is missing (or not readable by this role)",
                "ready: " + Seed.ORGANIZATIONS + " organizations");
    }

    @Test
    void printsTheRecognisedLiteLlmGenerationOf0464() {
        SchemaVariant variant = SchemaVariant.V0_4_64_DEFAULT_SCHEMAS;

        int exit = check(TestDatabases.url(variant.copyOfSeed()));

        assertThat(exit).isZero();
        assertThat(out().lines().toList()).contains("LiteLLM schema: 0.4.64-era, 8 optional columns absent",
                "feature team edits: available");
    }

    @Test
    void aPlainLiteLlmDatabaseIsReportedNotReadyWithoutAStackTrace() {
        String name = TestDatabases.copyOfSeed();
        TestDatabases.execute(TestDatabases.dataSource(name), "drop schema nemo cascade; drop schema auth cascade");

        int exit = check(TestDatabases.url(name));

        assertThat(exit).isEqualTo(1);
        assertThat(out()).contains("feature organizations: unavailable", "feature teams: unavailable",
                "feature members: unavailable", "not ready: missing nemo.organizations, nemo.teams, auth.users");
        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void saysWhyARoleWithoutWritePrivilegesIsReadOnly() {
        String name = TestDatabases.copyOfSeed();
        String role = "reader_" + name;
        TestDatabases.execute(TestDatabases.dataSource(name), "create role " + role + " login; "
                + "grant usage on schema nemo, auth, public to " + role + "; "
                + "grant select on all tables in schema nemo, auth, public to " + role + "; "
                + "grant insert, update on \"LiteLLM_TeamTable\" to " + role);

        int exit = check("postgresql://" + role + "@localhost:" + TestDatabases.port() + "/" + name);

        assertThat(exit).isZero();
        assertThat(out()).contains("read-only: yes (role " + role + " lacks INSERT on LiteLLM_AuditLog; "
                + "INSERT on LiteLLM_DeletedVerificationToken; INSERT, UPDATE, DELETE on LiteLLM_OrganizationMembership; "
                + "INSERT, DELETE on LiteLLM_TeamMembership; INSERT, UPDATE on LiteLLM_UserTable; "
                + "DELETE on LiteLLM_VerificationToken)");
    }

    @Test
    void aReadOnlySessionDefaultIsReported() {
        String name = TestDatabases.copyOfSeed();

        int exit = check(TestDatabases.url(name) + "?options=-c%20default_transaction_read_only%3Don");

        assertThat(exit).isZero();
        assertThat(out()).contains("read-only: yes (the session is read-only: default_transaction_read_only is on)");
    }

    @Test
    void aSavedProfileConnectsReadOnlyWithItsSchemaNames() {
        String name = TestDatabases.copyOfSeed();
        TestDatabases.execute(TestDatabases.dataSource(name), "alter schema nemo rename to nemo_staging");
        ProfileStore.in(new ConsoleHome(home)).save(new ConnectionProfile("Staging", "#9a5b00", "STAGING",
                "postgresql://localhost:" + TestDatabases.port() + "/" + name, "postgres", true,
                new SchemaNames("nemo_staging", "public", "auth")));

        int exit = check(null, "--profile", "staging");

        assertThat(exit).isZero();
        assertThat(out()).contains("connected: postgres@localhost:" + TestDatabases.port() + "/" + name,
                "schema: nemo=nemo_staging,public=public,auth=auth", "feature organizations: available",
                "read-only: yes (the connection profile is marked read-only)", "ready: " + Seed.ORGANIZATIONS);
    }

    @Test
    void anUnknownProfileOrAProfileWithAUrlIsBadInput() {
        assertThat(check(null, "--profile", "nope")).isEqualTo(2);
        assertThat(check("postgresql://h/db", "--profile", "nope")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains(
                "error: No saved profile is named 'nope'. Saved: none.",
                "error: Give either --url or --profile, not both; see 'nemo-console --help'.");
    }

    @Test
    void badTimeoutsAndSchemaNamesAreRejectedBeforeConnecting() {
        assertThat(check("postgresql://nowhere.invalid/x", "--statement-timeout", "soon")).isEqualTo(2);
        assertThat(check("postgresql://nowhere.invalid/x", "--schemas", "nemo=bad-name")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains(
                "error: --statement-timeout takes a whole number of seconds, not 'soon'; see 'nemo-console --help'.",
                "error: 'bad-name' is not a plain schema name (letters, digits, _); see 'nemo-console --help'.");
    }
}
