package com.nemorouter.console.cli;

import static com.nemorouter.console.testing.Seed.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nemorouter.console.connection.ConsoleHome;
import com.nemorouter.console.connection.Connector;
import com.nemorouter.console.connection.DemoDatabase;
import com.nemorouter.console.testing.TestDatabases;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code locate}, {@code key} and {@code audit} end to end: arguments, JSON shapes and exit codes. */
class IntegrityCommandsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static String seeded;
    private static String cleanEmpty;

    private String stdout;
    private String stderr;

    @BeforeAll
    static void databases() throws IOException {
        seeded = TestDatabases.url(TestDatabases.copyOfSeed());
        String empty = TestDatabases.emptyDatabase();
        try (InputStream schema = DemoDatabase.class.getResourceAsStream("demo/schema.sql")) {
            TestDatabases.execute(TestDatabases.dataSource(empty), new String(schema.readAllBytes(), StandardCharsets.UTF_8));
        }
        cleanEmpty = TestDatabases.url(empty);
    }

    @Test
    void auditJsonListsTheSeededDriftAndExits3() throws IOException {
        assertThat(run(seeded, "audit", "--format", "json")).isEqualTo(3);
        JsonNode findings = JSON.readTree(stdout);
        assertThat(findings.isArray()).isTrue();
        List<String> fields = new ArrayList<>();
        findings.get(0).fieldNames().forEachRemaining(fields::add);
        assertThat(fields).containsExactly("check", "severity", "entity_type", "entity_id", "tables", "detail");
        assertThat(findings).extracting(node -> node.get("check").asText() + " " + node.get("entity_id").asText())
                .containsExactlyInAnyOrder(
                        "org_missing_in_litellm " + GHOSTWIRE_NEMO_ONLY,
                        "org_missing_in_nemo " + LEGACY_LITELLM_ONLY,
                        "team_missing_in_litellm " + GHOSTWIRE_CORE_TEAM,
                        "team_missing_in_nemo " + LEGACY_TEAM,
                        "team_org_mismatch " + DATA_SCIENCE_TEAM_ORG_MISMATCH,
                        "roster_teams_drift " + DANA_TEAMS_ARRAY_DRIFT,
                        "team_member_not_in_org " + ROGUE_MEMBER_NOT_IN_ORG,
                        "non_canonical_id " + UMA_UPPERCASE_LITELLM_ID,
                        "members_with_roles_not_array " + SANDBOX_TEAM_EMPTY_OBJECT);
        assertThat(findings.get(0).get("tables").isArray()).isTrue();
    }

    @Test
    void auditExitCodesFollowFailOn() {
        assertThat(run(cleanEmpty, "audit")).isEqualTo(0);
        assertThat(stdout).contains("org_missing_in_litellm: ok").contains("audit: 0 errors, 0 warnings, 0 info");
        assertThat(run(seeded, "audit", "--fail-on", "warning")).isEqualTo(3);
        assertThat(stdout).contains("team_member_not_in_org: 1 finding");
        assertThat(run(seeded, "audit", "--format=csv")).isEqualTo(3);
        assertThat(stdout.lines().findFirst()).contains("check,severity,entity_type,entity_id,tables,detail");
        assertThat(stdout).contains("roster_teams_drift,warning,user," + DANA_TEAMS_ARRAY_DRIFT
                + ",LiteLLM_TeamTable;LiteLLM_UserTable,");
    }

    @Test
    void locateJsonHasOneObjectPerTable() throws IOException {
        assertThat(run(seeded, "locate", ACME.toUpperCase(java.util.Locale.ROOT), "--json")).isEqualTo(0);
        JsonNode places = JSON.readTree(stdout);
        List<String> fields = new ArrayList<>();
        places.get(0).fieldNames().forEachRemaining(fields::add);
        assertThat(fields).containsExactly("schema", "table", "column", "role", "rows");
        assertThat(places).anySatisfy(place -> {
            assertThat(place.get("table").asText()).isEqualTo("LiteLLM_OrganizationTable");
            assertThat(place.get("role").asText()).isEqualTo("organization");
            assertThat(place.get("rows").asLong()).isEqualTo(1);
        });
        assertThat(run(seeded, "locate", ACME)).isEqualTo(0);
        assertThat(stdout).contains("names organization Acme Robotics (" + ACME + ")");
    }

    @Test
    void keyJsonIsTheAuthContext() throws IOException {
        assertThat(run(seeded, "key", DEMO_KEY_ORG_FROM_TEAM, "--json")).isEqualTo(0);
        JsonNode key = JSON.readTree(stdout);
        List<String> fields = new ArrayList<>();
        key.fieldNames().forEachRemaining(fields::add);
        assertThat(fields).containsExactly("org_id", "team_id", "user_id", "key_alias", "blocked", "expired",
                "org_in_nemo", "org_in_litellm");
        assertThat(key.get("org_id").asText()).isEqualTo(ACME);
        assertThat(key.get("team_id").asText()).isEqualTo(ACME_PLATFORM_TEAM);
        assertThat(key.get("org_in_nemo").asBoolean()).isTrue();
        assertThat(stdout + stderr).doesNotContain(DEMO_KEY_ORG_FROM_TEAM);
        assertThat(run(seeded, "key", "sk-unknown-key")).isEqualTo(3);
        assertThat(stderr).doesNotContain("sk-unknown-key");
    }

    @Test
    void badIdsKeysAndOptionsExitWith2BeforeConnecting() {
        String nowhere = "postgresql://postgres@localhost:1/none";
        assertThat(run(nowhere, "locate", "550e8400-e29b-41d4")).isEqualTo(2);
        assertThat(stderr).contains("not a valid UUID").contains("550e8400-e29b-41d4-a716-446655440000");
        assertThat(run(nowhere, "locate")).isEqualTo(2);
        assertThat(run(nowhere, "key", "my-secret-token")).isEqualTo(2);
        assertThat(stderr).contains("sk-").doesNotContain("my-secret-token");
        assertThat(run(nowhere, "audit", "--format", "xml")).isEqualTo(2);
        assertThat(stderr).contains("use text, csv or json");
        assertThat(run(nowhere, "audit", "--fail-on", "fatal")).isEqualTo(2);
    }

    @Test
    void anUnreachableDatabaseExitsWith1() {
        assertThat(run("postgresql://postgres@localhost:1/none", "audit")).isEqualTo(1);
        assertThat(stderr).contains("audit failed");
    }

    private int run(String url, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        List<String> arguments = new ArrayList<>(List.of("--url", url));
        arguments.addAll(List.of(args));
        int code = new CommandLine(new Connector(ConsoleHome.fromSystem()), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).run(arguments, Map.of());
        stdout = out.toString(StandardCharsets.UTF_8);
        stderr = err.toString(StandardCharsets.UTF_8);
        return code;
    }
}
