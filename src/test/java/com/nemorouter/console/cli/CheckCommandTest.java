package com.nemorouter.console.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.nemorouter.console.connection.ConsoleHome;
import com.nemorouter.console.connection.Connector;
import com.nemorouter.console.testing.Seed;
import com.nemorouter.console.testing.TestDatabases;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckCommandTest {

    @TempDir
    Path home;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(Map<String, String> environment, String... args) {
        CommandLine commandLine = new CommandLine(new Connector(new ConsoleHome(home)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return commandLine.run(List.of(args), environment);
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
    void takesTheConnectionFromDatabaseUrlWhenNoFlagIsGiven() {
        int exit = run(Map.of("DATABASE_URL", TestDatabases.url(TestDatabases.copyOfSeed())), "check");
        assertThat(exit).isZero();
        assertThat(out()).contains("ready: " + Seed.ORGANIZATIONS + " organizations");
    }

    @Test
    void unknownCommandAndStrayArgumentsAreBadInput() {
        assertThat(run(Map.of(), "frobnicate")).isEqualTo(2);
        assertThat(err()).contains("unknown command frobnicate").contains("check");
        assertThat(run(Map.of(), "check", "extra")).isEqualTo(2);
        assertThat(err()).contains("unexpected argument extra");
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
        assertThat(err()).contains("error: check failed: The database is not reachable").doesNotContain("s3cr").doesNotContain("Exception")
                .doesNotContain("\tat ");
        assertThat(out()).isEmpty();
    }

    @Test
    void recognisesCommandsAnywhereAfterTheConnectionOptions() {
        assertThat(CommandLine.isCommand(List.of("--url", "postgresql://h/db", "check"))).isTrue();
        assertThat(CommandLine.isCommand(List.of("--reset-demo"))).isFalse();
        assertThat(CommandLine.isCommand(List.of())).isFalse();
    }
}
