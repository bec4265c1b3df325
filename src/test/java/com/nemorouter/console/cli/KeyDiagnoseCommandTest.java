package com.nemorouter.console.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nemorouter.console.connection.ConnectionProfile;
import com.nemorouter.console.connection.ConsoleHome;
import com.nemorouter.console.connection.ProfileStore;
import com.nemorouter.console.connection.SchemaNames;
import com.nemorouter.console.connection.Connector;
import com.nemorouter.console.integrity.KeyService;
import com.nemorouter.console.testing.TestDatabases;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code key --diagnose} on the demo keys that fail in the common ways: exit codes, JSON shape, no raw key. */
class KeyDiagnoseCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static String seeded;

    private String stdout;
    private String stderr;

    @BeforeAll
    static void database() {
        seeded = TestDatabases.url(TestDatabases.copyOfSeed());
    }

    @Test
    void jsonHasTheDocumentedShapeAndExit3ForARejectedKey() throws IOException {
        assertThat(run(seeded, "key", "sk-demo-17", "--diagnose", "--json")).isEqualTo(3);
        JsonNode verdict = JSON.readTree(stdout);
        assertThat(fields(verdict)).containsExactly("allowed", "first_failure", "checks", "assumed_version", "caveats");
        assertThat(verdict.get("allowed").asBoolean()).isFalse();
        assertThat(fields(verdict.get("first_failure"))).containsExactly("check", "status", "type", "message");
        assertThat(verdict.get("first_failure").get("check").asText()).isEqualTo("key_blocked");
        assertThat(verdict.get("first_failure").get("status").asInt()).isEqualTo(401);
        assertThat(verdict.get("first_failure").get("type").asText()).isEqualTo("auth_error");
        assertThat(verdict.get("checks")).hasSize(15);
        assertThat(fields(verdict.get("checks").get(0))).containsExactly("check", "result", "detail");
        List<String> results = new ArrayList<>();
        verdict.get("checks").forEach(check -> results.add(check.get("result").asText()));
        assertThat(results).isSubsetOf("pass", "fail", "not_applicable", "unknown");
        assertThat(verdict.get("assumed_version").asText()).startsWith("newest (inferred from the schema");
        assertThat(verdict.get("caveats").isArray()).isTrue();
        assertThat(stdout + stderr).doesNotContain("sk-demo-17");
    }

    @Test
    void theDemoKeysFailInEachCommonWay() throws IOException {
        assertThat(firstFailure("sk-demo-13")).isEqualTo("key_expired");
        assertThat(firstFailure("sk-demo-19")).isEqualTo("key_budget");
        assertThat(firstFailure("sk-demo-21", "--model", "gpt-4o")).isEqualTo("key_model_access");
        assertThat(firstFailure("sk-demo-23")).isEqualTo("team_budget");
        assertThat(run(seeded, "key", "sk-demo-21", "--diagnose", "--model", "gpt-4o-mini", "--json")).isEqualTo(0);
        assertThat(JSON.readTree(stdout).get("first_failure").isNull()).isTrue();
    }

    @Test
    void anAcceptedKeyExits0AndTheVersionOptionChangesTheStatus() throws IOException {
        assertThat(run(seeded, "key", "sk-demo-1", "--diagnose")).isEqualTo(0);
        assertThat(stdout).contains("LiteLLM would ACCEPT this key").contains("checks (LiteLLM's order):")
                .contains("caveats:").doesNotContain("sk-demo-1");
        assertThat(run(seeded, "key", "sk-demo-19", "--diagnose", "--litellm-version", "1.70", "--json")).isEqualTo(3);
        JsonNode old = JSON.readTree(stdout);
        assertThat(old.get("first_failure").get("status").asInt()).isEqualTo(400);
        assertThat(old.get("assumed_version").asText()).isEqualTo("v1.70 (--litellm-version)");
        assertThat(run(seeded, "key", KeyService.tokenHash("sk-demo-19"), "--diagnose", "--litellm-version", "v1.84.2",
                "--json")).isEqualTo(3);
        assertThat(JSON.readTree(stdout).get("first_failure").get("status").asInt()).isEqualTo(429);
        assertThat(run(seeded, "key", "sk-nobody", "--diagnose", "--json")).isEqualTo(3);
        assertThat(JSON.readTree(stdout).get("first_failure").get("check").asText()).isEqualTo("key_not_found");
    }

    @Test
    void badInputExits2BeforeConnectingAndNeverEchoesTheKey() {
        String nowhere = "postgresql://postgres@localhost:1/none";
        assertThat(run(nowhere, "key", "sk-demo-1", "--diagnose", "--litellm-version", "one-point-eight")).isEqualTo(2);
        assertThat(stderr).contains("1.84");
        assertThat(run(nowhere, "key", "sk-demo-1", "--model", "gpt-4o")).isEqualTo(2);
        assertThat(stderr).contains("only goes with --diagnose");
        assertThat(run(nowhere, "key", "sk-demo-1", "--diagnose", "--route", "chat")).isEqualTo(2);
        assertThat(run(nowhere, "key", "sk-demo-1", "--diagnose", "--model")).isEqualTo(2);
        assertThat(run(nowhere, "key", "sk-demo-1", "sk-demo-2", "--diagnose")).isEqualTo(2);
        assertThat(stderr).doesNotContain("sk-demo-2").doesNotContain("sk-demo-1");
        assertThat(run(nowhere, "key", "sk-demo-1", "--diagnose")).isEqualTo(1);
        assertThat(stderr).doesNotContain("sk-demo-1");
    }

    @Test
    void theProfilesLiteLlmVersionIsAssumedUnlessTheCommandLineNamesOne(@TempDir Path home) throws IOException {
        String name = TestDatabases.copyOfSeed();
        ProfileStore.in(new ConsoleHome(home)).save(new ConnectionProfile("Old proxy", "#9a5b00", "", "postgresql://localhost:"
                + TestDatabases.port() + "/" + name, "postgres", true, SchemaNames.DEFAULT, "", "1.70.2"));
        assertThat(runIn(home, "--profile", "Old proxy", "key", "sk-demo-19", "--diagnose", "--json")).isEqualTo(3);
        JsonNode verdict = JSON.readTree(stdout);
        assertThat(verdict.get("assumed_version").asText()).isEqualTo("v1.70.2 (the profile's LiteLLM version)");
        assertThat(verdict.get("first_failure").get("status").asInt()).isEqualTo(400);
        assertThat(runIn(home, "--profile", "Old proxy", "key", "sk-demo-19", "--diagnose", "--json", "--litellm-version",
                "newest")).isEqualTo(3);
        assertThat(JSON.readTree(stdout).get("assumed_version").asText()).isEqualTo("newest (--litellm-version)");
        assertThatThrownBy(() -> new ConnectionProfile("Bad", "#9a5b00", "", "postgresql://h/db", "", false,
                SchemaNames.DEFAULT, "", "the new one")).hasMessageContaining("1.84");
    }

    private String firstFailure(String key, String... more) throws IOException {
        List<String> args = new ArrayList<>(List.of("key", key, "--diagnose", "--json"));
        args.addAll(List.of(more));
        assertThat(run(seeded, args.toArray(String[]::new))).isEqualTo(3);
        return JSON.readTree(stdout).get("first_failure").get("check").asText();
    }

    private static List<String> fields(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private int run(String url, String... args) {
        List<String> arguments = new ArrayList<>(List.of("--url", url));
        arguments.addAll(List.of(args));
        return execute(ConsoleHome.fromSystem(), arguments);
    }

    private int runIn(Path home, String... args) {
        return execute(new ConsoleHome(home), List.of(args));
    }

    private int execute(ConsoleHome home, List<String> arguments) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new CommandLine(new Connector(home), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).run(arguments, Map.of());
        stdout = out.toString(StandardCharsets.UTF_8);
        stderr = err.toString(StandardCharsets.UTF_8);
        return code;
    }
}
