package com.nemorouter.console.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.nemorouter.console.app.ConsoleServices;
import com.nemorouter.console.connection.Connector;
import com.nemorouter.console.connection.LaunchOptions;
import com.nemorouter.console.presence.Census;
import com.nemorouter.console.ui.UserMessages;

/**
 * The headless entry: {@code check} and later commands. Exit codes: 0 success, 1 failure (database,
 * connection), 2 bad input. Messages never include a password or a stack trace.
 */
public final class CommandLine {

    public static final Set<String> COMMANDS = Set.of("check");

    private final Connector connector;
    private final PrintStream out;
    private final PrintStream err;

    public CommandLine(Connector connector, PrintStream out, PrintStream err) {
        this.connector = connector;
        this.out = out;
        this.err = err;
    }

    public static boolean isCommand(List<String> args) {
        return args.stream().filter(arg -> !arg.startsWith("--")).findFirst().filter(COMMANDS::contains).isPresent();
    }

    public int run(List<String> args, Map<String, String> environment) {
        LaunchOptions options;
        try {
            options = LaunchOptions.parse(args, environment);
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            return 2;
        }
        List<String> rest = options.remaining();
        if (rest.isEmpty() || !COMMANDS.contains(rest.get(0))) {
            err.println("error: unknown command. Commands: " + String.join(", ", COMMANDS));
            return 2;
        }
        if (rest.size() > 1) {
            err.println("error: unexpected argument " + rest.get(1) + " for " + rest.get(0));
            return 2;
        }
        try (Connector.OpenConnection connection = connector.open(options)) {
            ConsoleServices services = ConsoleServices.wire(connection.database());
            return check(services);
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            return 2;
        } catch (RuntimeException e) {
            err.println("error: " + UserMessages.describe("check", e));
            return 1;
        }
    }

    private int check(ConsoleServices services) {
        var server = services.connection().describe();
        out.println("connected: " + server.target() + " (" + server.serverVersion() + ", role " + server.databaseRole() + ")");
        Census census = services.census().census();
        out.println(census.readyLine());
        return 0;
    }
}
