package com.nemorouter.console.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.nemorouter.console.Launcher;
import com.nemorouter.console.connection.ConnectionStrings;
import com.nemorouter.console.connection.ConsoleHome;
import com.nemorouter.console.connection.Connector;
import com.nemorouter.console.connection.LaunchOptions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Help and mistakes are answered on the terminal: usage on standard output with exit 0, one sentence on
 * standard error with exit 2, and never a window (the last tests run the real launcher without a display).
 */
class CommandLineHelpTest {

    private static final List<String> COMMANDS = List.of("check", "locate", "key", "audit", "members");

    @TempDir
    Path home;

    private ByteArrayOutputStream out = new ByteArrayOutputStream();
    private ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        out = new ByteArrayOutputStream();
        err = new ByteArrayOutputStream();
        CommandLine commandLine = new CommandLine(new Connector(new ConsoleHome(home), ConnectionStrings.isolated()),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return commandLine.run(List.of(args), Map.of());
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @ParameterizedTest
    @ValueSource(strings = {"--help", "-h", "help"})
    void helpPrintsCommandsOptionsAndExitCodes(String flag) {
        assertThat(run(flag)).isZero();

        String usage = out();
        assertThat(usage).startsWith("usage: nemo-console [options]");
        for (String command : COMMANDS) {
            assertThat(usage).containsPattern("(?m)^  " + command + " ");
        }
        for (String option : LaunchOptions.USAGE) {
            assertThat(usage).contains(option);
        }
        assertThat(usage).contains("--version", "-h, --help")
                .contains("exit codes:")
                .contains("  0  success")
                .contains("  1  failure")
                .contains("  2  bad input")
                .contains("  3  key: no key has that hash; audit: findings at or above --fail-on");
        assertThat(err()).isEmpty();
    }

    @Test
    void helpNeedsNoDatabaseEvenWhenOneIsNamed() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        assertThat(run("--url", "postgresql://u:pw@127.0.0.1:" + closedPort + "/postgres", "--help")).isZero();
        assertThat(out()).startsWith("usage: ");
        assertThat(run("--url", "postgresql://u:pw@127.0.0.1:" + closedPort + "/postgres", "audit", "--help")).isZero();
        assertThat(out()).startsWith("usage: nemo-console [options] audit [--format text|csv|json] [--fail-on error|warning]\n\n"
                + "  run every integrity check (exit 3 on findings)\n");
        assertThat(err()).isEmpty();
    }

    @Test
    void everyCommandPrintsItsOwnUsage() {
        for (String command : COMMANDS) {
            assertThat(run(command, "--help")).as(command).isZero();
            assertThat(out()).startsWith("usage: nemo-console [options] " + command)
                    .containsPattern("^usage: nemo-console \\[options\\] " + command + "( |\\R)")
                    .contains("exit codes:", "  0  success", "  2  bad input");
            assertThat(err()).isEmpty();
        }
        assertThat(run("audit", "-h")).isZero();
        assertThat(out()).contains("--format text|csv|json", "--fail-on error|warning", "  3  findings at or above --fail-on");
        assertThat(run("help", "members")).isZero();
        assertThat(out()).startsWith("usage: nemo-console [options] members ").contains("--dry-run", "--keep-teams");
        assertThat(run("key", "--help")).isZero();
        assertThat(out()).contains("  3  no key has that hash").doesNotContain("findings at or above");
    }

    @Test
    void unknownCommandsAndOptionsAreOneSentencePointingToHelp() {
        assertThat(run("frobnicate")).isEqualTo(2);
        assertThat(err()).isEqualTo("error: unknown command frobnicate; see 'nemo-console --help'.\n");
        assertThat(out()).isEmpty();

        assertThat(run("--bogus", "check")).isEqualTo(2);
        assertThat(err()).isEqualTo("error: unknown option --bogus; see 'nemo-console --help'.\n");

        assertThat(run("--bogus")).isEqualTo(2);
        assertThat(err()).isEqualTo("error: unknown option --bogus; see 'nemo-console --help'.\n");

        assertThat(run("help", "frobnicate")).isEqualTo(2);
        assertThat(err()).isEqualTo("error: no command is named frobnicate; see 'nemo-console --help'.\n");

        assertThat(run("audit", "--bogus")).isEqualTo(2);
        assertThat(err()).isEqualTo("error: unknown argument --bogus for audit; see 'nemo-console audit --help'.\n");

        assertThat(run("--connect-timeout", "soon", "check")).isEqualTo(2);
        assertThat(err()).isEqualTo("error: --connect-timeout takes a whole number of seconds, not 'soon'; "
                + "see 'nemo-console --help'.\n");
    }

    @Test
    void onlyOptionsAloneOpenTheWindow() {
        assertThat(CommandLine.opensWindow(List.of())).isTrue();
        assertThat(CommandLine.opensWindow(List.of("--url", "postgresql://h/db", "--read-only"))).isTrue();
        assertThat(CommandLine.opensWindow(List.of("--help"))).isFalse();
        assertThat(CommandLine.opensWindow(List.of("-h"))).isFalse();
        assertThat(CommandLine.opensWindow(List.of("help"))).isFalse();
        assertThat(CommandLine.opensWindow(List.of("frobnicate"))).isFalse();
        assertThat(CommandLine.opensWindow(List.of("--bogus"))).isFalse();
        assertThat(CommandLine.opensWindow(List.of("--connect-timeout", "soon"))).isFalse();
        assertThat(CommandLine.opensWindow(List.of("--theme", "dark"))).isTrue();
        assertThat(CommandLine.opensWindow(List.of("--theme=light", "--read-only"))).isTrue();
        assertThat(CommandLine.opensWindow(List.of("--theme", "purple"))).isFalse();
        assertThat(CommandLine.opensWindow(List.of("--theme"))).isFalse();
    }

    @Test
    void aBadThemeOrAThemeWithACommandIsRefusedOnTheTerminal() {
        assertThat(run("--theme", "purple")).isEqualTo(2);
        assertThat(err.toString()).contains("--theme takes light or dark, not 'purple'").contains("--help");
        assertThat(run("--theme", "dark", "check")).isEqualTo(2);
        assertThat(err.toString()).contains("--theme is for the window");
        assertThat(run("--help")).isZero();
        assertThat(out.toString()).contains("--theme light|dark");
    }

    /** The real launcher in a JVM with no display and no headless toolkit: it must not reach JavaFX. */
    @Test
    void theLauncherAnswersWithoutADisplay() throws Exception {
        Launched help = launch("--help");
        assertThat(help.exit()).isZero();
        assertThat(help.out()).startsWith("usage: nemo-console [options]").contains("exit codes:");
        assertThat(help.err()).isEmpty();

        Launched commandHelp = launch("check", "--help");
        assertThat(commandHelp.exit()).isZero();
        assertThat(commandHelp.out()).startsWith("usage: nemo-console [options] check\n\n  connect, print the schema report");

        Launched unknown = launch("frobnicate");
        assertThat(unknown.exit()).isEqualTo(2);
        assertThat(unknown.out()).isEmpty();
        assertThat(unknown.err()).isEqualTo("error: unknown command frobnicate; see 'nemo-console --help'.\n");

        Launched unknownOption = launch("--bogus");
        assertThat(unknownOption.exit()).isEqualTo(2);
        assertThat(unknownOption.err()).isEqualTo("error: unknown option --bogus; see 'nemo-console --help'.\n");
    }

    private record Launched(int exit, String out, String err) {
    }

    private Launched launch(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "-D" + ConsoleHome.HOME_PROPERTY + "=" + home,
                Launcher.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().remove("DISPLAY");
        builder.environment().remove("WAYLAND_DISPLAY");
        builder.environment().remove("DATABASE_URL");
        Path stdout = home.resolve("stdout-" + System.nanoTime());
        Path stderr = home.resolve("stderr-" + System.nanoTime());
        Process process = builder.redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the launcher did not exit within 120 s for " + List.of(args));
        }
        return new Launched(process.exitValue(), java.nio.file.Files.readString(stdout),
                java.nio.file.Files.readString(stderr));
    }
}
