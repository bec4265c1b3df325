package com.nemorouter.console.cli;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.nemorouter.console.app.ConsoleServices;
import com.nemorouter.console.connection.Connector;
import com.nemorouter.console.connection.LaunchOptions;
import com.nemorouter.console.connection.FailureMessages;

/**
 * The headless entry. Parses connection options, validates the command's arguments before touching
 * the database, opens the connection and runs the command through the same services as the UI.
 * Exit codes: 0 success, 1 failure (database, connection), 2 bad input. Messages never include a
 * password or a stack trace.
 */
public final class CommandLine {

    private final Connector connector;
    private final PrintStream out;
    private final PrintStream err;
    private final Map<String, Command<?>> commands = new LinkedHashMap<>();

    public CommandLine(Connector connector, PrintStream out, PrintStream err) {
        this.connector = connector;
        this.out = out;
        this.err = err;
        for (Command<?> command : List.of(new CheckCommand(), new LocateCommand(), new KeyCommand(), new AuditCommand(),
                new MembersCommand())) {
            commands.put(command.name(), command);
        }
    }

    /** True when the arguments name a command (so no window opens). */
    public static boolean isCommand(List<String> args) {
        return new CommandLine(null, System.out, System.err).commandOf(args) != null;
    }

    private Command<?> commandOf(List<String> args) {
        try {
            List<String> rest = LaunchOptions.parse(args, Map.of()).remaining();
            return rest.isEmpty() ? null : commands.get(rest.get(0));
        } catch (IllegalArgumentException e) {
            return null;
        }
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
        Command<?> command = rest.isEmpty() ? null : commands.get(rest.get(0));
        if (command == null) {
            err.println("error: " + (rest.isEmpty() ? "no command given" : "unknown command " + rest.get(0)));
            err.println("usage: nemo-console [--url <connection string> | --profile <name>] [--schemas nemo=..,public=..,auth=..] [--connect-timeout s] [--statement-timeout s] [--reset-demo] [--read-only] <command>");
            commands.values().forEach(known -> err.println("  " + known.usage()));
            return 2;
        }
        return parseAndRun(command, rest.subList(1, rest.size()), options);
    }

    private <A> int parseAndRun(Command<A> command, List<String> commandArgs, LaunchOptions options) {
        A arguments;
        try {
            arguments = command.parse(commandArgs);
        } catch (Command.UsageException e) {
            err.println("error: " + e.getMessage());
            return 2;
        }
        try (Connector.OpenConnection connection = connector.open(options)) {
            return command.run(ConsoleServices.wire(connection.database(), connector.home(),
                    connection.profile() == null ? null : connection.profile().liteLlmVersion()), arguments, out, err);
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            return 2;
        } catch (RuntimeException e) {
            err.println("error: " + FailureMessages.describe(command.name(), e));
            return 1;
        }
    }
}
