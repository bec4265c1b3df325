package com.nemorouter.console.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nemorouter.console.wiring.ConsoleServices;
import com.nemorouter.console.cli.CommandLine;
import com.nemorouter.console.connection.ConsoleHome;
import com.nemorouter.console.connection.Connector;
import com.nemorouter.console.connection.Database;
import com.nemorouter.console.integrity.AuditCheck;
import com.nemorouter.console.member.MemberQueries;
import com.nemorouter.console.member.MemberService;
import com.nemorouter.console.organization.OrganizationService;
import com.nemorouter.console.presence.PresenceEntry;
import com.nemorouter.console.presence.PresenceQuery;
import com.nemorouter.console.team.TeamQueries;
import com.nemorouter.console.testing.TestDatabases;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The benchmark at a small scale: the generated dataset has the production shape, and every floor returns
 * exactly the rows of the console call it is compared with (what keeps the floor honest).
 */
class BenchmarkTest {

    private static final int SCALE = 300;

    private static String databaseName;
    private static Database database;
    private static Benchmark benchmark;

    @BeforeAll
    static void generate() throws SQLException {
        databaseName = TestDatabases.emptyDatabase();
        try (Connection connection = TestDatabases.dataSource(databaseName).getConnection()) {
            BenchDataset.generate(connection, SCALE, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        }
        database = Database.open(TestDatabases.target(databaseName));
        benchmark = new Benchmark(ConsoleServices.wire(database));
    }

    @AfterAll
    static void close() {
        database.close();
    }

    @Test
    void everyFloorReturnsTheRowsOfTheConsoleCall() {
        List<Benchmark.Operation> operations = benchmark.operations();
        assertThat(operations).extracting(Benchmark.Operation::name).containsExactlyElementsOf(Benchmark.OPERATIONS);
        for (Benchmark.Operation operation : operations) {
            if (operation.floor() == null) {
                continue;
            }
            List<List<String>> console = operation.console().get();
            assertThat(console).as(operation.name() + " returns rows").isNotEmpty();
            if (operation.name().startsWith("edit")) {
                assertThat(plannedChanges(operation.floor().get())).as(operation.name() + " floor")
                        .isEqualTo(plannedChanges(console));
            } else {
                assertThat(operation.floor().get()).as(operation.name() + " floor").isEqualTo(console);
            }
        }
    }

    /**
     * An edit's audit entries with their JSON parsed (key order and spacing are the JSON library's) and the
     * times it wrote masked: the console and its floor write them in two transactions, at two moments.
     */
    private static List<List<Object>> plannedChanges(List<List<String>> rows) {
        ObjectMapper json = new ObjectMapper();
        List<List<Object>> changes = new ArrayList<>();
        for (List<String> row : rows) {
            List<Object> change = new ArrayList<>(row.subList(0, 3));
            for (String value : row.subList(3, 5)) {
                try {
                    change.add(value.equals("null") ? null : json.readTree(value.replaceAll(
                            "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?", "<time>")));
                } catch (java.io.IOException e) {
                    throw new AssertionError("not JSON: " + value, e);
                }
            }
            changes.add(change);
        }
        return changes;
    }

    /**
     * With a cheap limit the small dataset crosses (1,000 rows: memberships, users and spend logs are larger),
     * the first reads leave counts pending, and the first-paint floors leave exactly the same ones out; the
     * whole screens still return every count.
     */
    @Test
    void theFirstPaintFloorsLeaveTheSameCountsPendingAsTheConsole() {
        long cheapScanLimit = 1_000;
        ConsoleServices wired = ConsoleServices.wire(database);
        var schemas = database.target().schemas();
        PresenceQuery split = new PresenceQuery(PresenceQuery.DEFAULT_UNINDEXED_SCAN_LIMIT, cheapScanLimit,
                schemas.nemo(), schemas.auth(), schemas.litellm(), database.schemaReport().rowSecurity());
        ConsoleServices streaming = new ConsoleServices(database,
                new OrganizationService(database, split, new TeamQueries(), new MemberQueries()), wired.teams(),
                new MemberService(database, split), wired.census(), wired.connection(), wired.locate(), wired.keys(),
                wired.audit(), wired.repairs(), wired.membership(), wired.history(), wired.userSearch(),
                wired.diagnosis(), wired.keyFixes(), wired.spend());
        Benchmark splitBenchmark = new Benchmark(streaming, cheapScanLimit);
        Map<String, Benchmark.Operation> operations = new java.util.HashMap<>();
        splitBenchmark.operations().forEach(operation -> operations.put(operation.name(), operation));
        for (String name : List.of("open_org", "open_org_first", "org_members", "open_member", "open_member_first")) {
            List<List<String>> console = operations.get(name).console().get();
            assertThat(console).as(name).isNotEmpty();
            assertThat(operations.get(name).floor().get()).as(name + " floor").isEqualTo(console);
        }
        String pending = Long.toString(PresenceEntry.PENDING);
        assertThat(operations.get("open_org_first").console().get())
                .contains(List.of("public.LiteLLM_OrganizationMembership.organization_id", pending));
        assertThat(operations.get("open_member_first").console().get())
                .contains(List.of("public.LiteLLM_SpendLogs.user", pending));
        assertThat(operations.get("open_org").console().get()).noneMatch(row -> row.size() == 2 && row.get(1).equals(pending))
                .contains(List.of("public.LiteLLM_OrganizationMembership.organization_id",
                        Long.toString(benchmark.targets().largestOrgMembers())));
        // The member view counts its large tables only once its Presence tab shows: still pending before a click.
        assertThat(operations.get("open_member").console().get())
                .contains(List.of("public.LiteLLM_SpendLogs.user", pending));
        // The whole org screen is the same answer whether its counts came in one read or two.
        assertThat(operations.get("open_org").console().get())
                .isEqualTo(benchmark.organizationScreen(benchmark.targets().largestOrg()));
    }

    @Test
    void theSearchesMatchSeveralOrganizationsAndTheLocateIsComplete() {
        Targets targets = benchmark.targets();
        List<List<String>> search = benchmark.keystroke(targets.searchText(), 200);
        assertThat(search.size()).isBetween(2, 200);
        assertThat(search).allSatisfy(row -> assertThat(row.get(1) + row.get(3)).containsIgnoringCase(targets.searchText()));
        assertThat(benchmark.keystroke(targets.uuidPrefix(), 200)).extracting(row -> row.get(0)).contains(targets.largestOrg());
        // Complete: no column is reported as not searched (-1), and the org's own rows are found.
        List<List<String>> located = benchmark.locate(targets.largestOrg(), new Floors(database.dataSource(),
                database.target().schemas(), 0).allColumnKeys());
        assertThat(located).noneMatch(row -> row.size() == 2 && row.get(1).equals("-1"));
        assertThat(located).contains(List.of("public.LiteLLM_OrganizationTable.organization_id", "1"));
    }

    @Test
    void theDatasetHasALongTailAndDriftOfEveryAuditedKind() throws SQLException {
        DataSource dataSource = TestDatabases.dataSource(databaseName);
        long memberships = count(dataSource, "select count(*) from \"LiteLLM_OrganizationMembership\"");
        assertThat(count(dataSource, "select count(*) from nemo.organizations")).isBetween(SCALE * 98L / 100, SCALE - 1L);
        assertThat(memberships).isBetween(SCALE * 17L, SCALE * 20L);
        assertThat(benchmark.targets().largestOrgMembers()).isGreaterThan(20 * memberships / SCALE);
        assertThat(count(dataSource, "select count(*) from \"LiteLLM_VerificationToken\"")).isEqualTo(3L * SCALE);
        assertThat(count(dataSource, "select count(*) from \"LiteLLM_SpendLogs\"")).isEqualTo(10L * SCALE);
        assertThat(count(dataSource, "select count(*) from \"LiteLLM_TeamTable\" where jsonb_typeof(members_with_roles) = 'array'"
                + " and members_with_roles <> '[]'::jsonb")).isGreaterThan(SCALE);
        List<List<String>> findings = benchmark.audit();
        for (AuditCheck check : List.of(AuditCheck.ORG_MISSING_IN_LITELLM, AuditCheck.ORG_MISSING_IN_NEMO,
                AuditCheck.TEAM_MISSING_IN_LITELLM, AuditCheck.TEAM_MISSING_IN_NEMO, AuditCheck.TEAM_ORG_MISMATCH,
                AuditCheck.USER_MISSING_IN_AUTH, AuditCheck.ROSTER_TEAMS_DRIFT, AuditCheck.ROSTER_MEMBERSHIP_DRIFT,
                AuditCheck.KEY_ORG_MISMATCH, AuditCheck.NON_CANONICAL_ID, AuditCheck.MEMBERS_WITH_ROLES_NOT_ARRAY)) {
            assertThat(findings).as(check.id()).anyMatch(row -> row.get(0).equals(check.id()));
        }
    }

    @Test
    void theEditsAreDryRunsThatChangeNothing() throws SQLException {
        DataSource dataSource = TestDatabases.dataSource(databaseName);
        String roster = "select md5(string_agg(team_id || members_with_roles::text, ',' order by team_id)) from \"LiteLLM_TeamTable\"";
        String before = single(dataSource, roster);
        long memberships = count(dataSource, "select count(*) from \"LiteLLM_TeamMembership\"");
        Targets.EditTarget busy = benchmark.targets().edit();
        Targets.EditTarget large = benchmark.targets().largeEdit();
        assertThat(busy.rosterEntries()).isLessThan(large.rosterEntries());
        for (Targets.EditTarget target : List.of(busy, large)) {
            // The user's teams array, LiteLLM_TeamMembership and the roster: three planned changes, none written.
            assertThat(benchmark.editDryRun(target)).extracting(row -> row.subList(0, 3)).containsExactly(
                    List.of("updated", "LiteLLM_UserTable", target.user()),
                    List.of("created", "LiteLLM_TeamMembership", target.team() + "/" + target.user()),
                    List.of("updated", "LiteLLM_TeamTable", target.team()));
        }
        assertThat(single(dataSource, roster)).isEqualTo(before);
        assertThat(count(dataSource, "select count(*) from \"LiteLLM_TeamMembership\"")).isEqualTo(memberships);
    }

    @Test
    void aFailingOperationIsReportedWhileTheOthersAreStillTimed() {
        List<Benchmark.Result> results = benchmark.run(List.of(
                new Benchmark.Operation("broken", () -> {
                    throw new IllegalStateException("canceling statement due to statement timeout");
                }, null),
                new Benchmark.Operation("fine", () -> List.of(List.of("1")), () -> List.of(List.of("1")))), 2,
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        assertThat(results.get(0).error()).isNotBlank();
        assertThat(results.get(0).ratio()).isNull();
        assertThat(results.get(1).error()).isNull();
        assertThat(results.get(1).runs()).isEqualTo(2);
        assertThat(results.get(1).ratio()).isNotNull();
    }

    @Test
    void aQuickOperationIsWarmedUpOnBothSidesBeforeItIsTimed() {
        java.util.concurrent.atomic.AtomicInteger console = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicInteger floor = new java.util.concurrent.atomic.AtomicInteger();
        Benchmark.Operation instant = new Benchmark.Operation("instant",
                () -> List.of(List.of(Integer.toString(console.incrementAndGet()))),
                () -> List.of(List.of(Integer.toString(floor.incrementAndGet()))));
        List<Benchmark.Result> results = benchmark.run(List.of(instant), 3,
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        // Far below the warm-up time per run, so the warm-up stops at its run limit, the same on both sides.
        assertThat(console.get()).isEqualTo(Benchmark.MAX_WARM_UP_RUNS + 3);
        assertThat(floor.get()).isEqualTo(Benchmark.MAX_WARM_UP_RUNS + 3);
        assertThat(results.get(0).runs()).isEqualTo(3);
    }

    @Test
    void theDbaIndexesAreTimedAndDroppedAgain() throws SQLException {
        DataSource dataSource = TestDatabases.dataSource(databaseName);
        String indexes = "select count(*) from pg_indexes where schemaname in ('public', 'nemo')";
        long before = count(dataSource, indexes);
        List<Benchmark.Result> results = benchmark.withDbaIndexes(benchmark.operations(), 1,
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        assertThat(results).extracting(Benchmark.Result::operation).containsExactlyInAnyOrderElementsOf(DbaIndexes.OPERATIONS);
        assertThat(results).allMatch(result -> result.consoleMedianMs() > 0 && result.floorMedianMs() > 0);
        assertThat(count(dataSource, indexes)).isEqualTo(before);
        assertThat(count(dataSource, "select count(*) from pg_extension where extname = 'pg_trgm'")).isZero();
    }

    @Test
    void benchWithUrlPrintsTheJsonContract(@TempDir java.nio.file.Path home) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        CommandLine commandLine = new CommandLine(new Connector(new ConsoleHome(home)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        int exit = commandLine.run(List.of("--url", TestDatabases.url(databaseName), "bench", "--runs", "1", "--json"), Map.of());
        assertThat(exit).as(err.toString(StandardCharsets.UTF_8)).isZero();
        JsonNode document = new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8));
        assertThat(document.get("dataset").get("source").asText()).isEqualTo("url");
        assertThat(document.get("dataset").get("keys").asLong()).isEqualTo(3L * SCALE);
        List<String> names = new ArrayList<>();
        for (JsonNode operation : document.get("operations")) {
            names.add(operation.get("operation").asText());
            assertThat(operation.get("console_ms").asDouble()).isPositive();
            assertThat(operation.get("runs").asInt()).isEqualTo(1);
            assertThat(operation.has("floor_ms") && operation.has("ratio")).isTrue();
        }
        assertThat(names).containsExactlyElementsOf(Benchmark.OPERATIONS);
        assertThat(home.resolve("bench")).doesNotExist();
    }

    @Test
    void badBenchArgumentsAreRefusedBeforeAnyDatabase(@TempDir java.nio.file.Path home) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        CommandLine commandLine = new CommandLine(new Connector(new ConsoleHome(home)),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(commandLine.run(List.of("bench", "--scale", "five"), Map.of())).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--scale needs a whole number, not five");
        assertThat(commandLine.run(List.of("bench", "--runs", "0"), Map.of())).isEqualTo(2);
        assertThat(home.resolve("bench")).doesNotExist();
    }

    private static long count(DataSource dataSource, String sql) throws SQLException {
        return Long.parseLong(single(dataSource, sql));
    }

    private static String single(DataSource dataSource, String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getString(1);
        }
    }
}
