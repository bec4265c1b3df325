package com.nemorouter.console.cli;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;

import com.nemorouter.console.connection.Connector;
import com.nemorouter.console.connection.LaunchOptions;
import com.nemorouter.console.connection.FailureMessages;

/**
 * The headless entry. Parses connection options, validates the command's arguments before touching
 * the database, opens the connection and runs the command through the same services as the UI.
 * Exit codes: 0 success, 1 failure (database, connection), 2 bad input. Messages never include a
 * password or a stack trace. {@code --help}, {@code -h} and {@code help} print the usage generated from
 * the registered commands (each describes itself), so a new command only has to be added to the list.
 */
public final class CommandLine {

    private static final String PROGRAM = "nemo-console";
    private static final Set<String> HELP = Set.of("help", "--help", "-h");
    private static final Map<Integer, String> GENERAL_EXIT_CODES = Map.of(
            0, "success",
            1, "failure: the database could not be reached or a statement failed",
            2, "bad input: an unknown command or option, or invalid arguments; nothing is read or written");

    /** Made only when a command runs: help and mistakes need no connector, so they start no logging either. */
    private final Supplier<Connector> connectors;
    private final PrintStream out;
    private final PrintStream err;
    private final Map<String, Command<?>> commands = new LinkedHashMap<>();

    public CommandLine(Connector connector, PrintStream out, PrintStream err) {
        this(() -> connector, out, err);
    }

    public CommandLine(Supplier<Connector> connectors, PrintStream out, PrintStream err) {
        this.connectors = connectors;
        this.out = out;
        this.err = err;
        for (Command<?> command : List.of(new CheckCommand(), new LocateCommand(), new KeyCommand(), new AuditCommand(),
                new MembersCommand(), new BenchCommand())) {
            commands.put(command.name(), command);
        }
    }

    /**
     * True when the window should open: the options parse and nothing else is given. Anything left over is
     * a command, a request for help or a mistake, and all three are answered on the terminal, so a typo
     * never tries to open a window (which fails without a display).
     */
    public static boolean opensWindow(List<String> args) {
        // --theme is the window's own option (the application reads and checks it): it opens the window.
        List<String> withoutTheme = new java.util.ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            if (args.get(i).equals("--theme") && i + 1 < args.size()) {
                i++;
            } else if (!args.get(i).startsWith("--theme=")) {
                withoutTheme.add(args.get(i));
            }
        }
        try {
            return LaunchOptions.parse(withoutTheme, Map.of()).remaining().isEmpty();
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    public int run(List<String> args, Map<String, String> environment) {
        LaunchOptions options;
        try {
            options = LaunchOptions.parse(args, environment);
        } catch (IllegalArgumentException e) {
            return badInput(e.getMessage(), null);
        }
        List<String> rest = options.remaining();
        if (rest.isEmpty()) {
            return badInput("no command given", null);
        }
        String first = rest.get(0);
        if (HELP.contains(first)) {
            return help(rest.subList(1, rest.size()));
        }
        Command<?> command = commands.get(first);
        if (command == null) {
            return badInput((first.startsWith("-") ? "unknown option " : "unknown command ") + first, null);
        }
        List<String> commandArgs = rest.subList(1, rest.size());
        if (commandArgs.contains("--help") || commandArgs.contains("-h")) {
            printHelp(command, out);
            return 0;
        }
        return parseAndRun(command, commandArgs, options);
    }

    /** {@code help}, {@code --help} or {@code -h}, optionally followed by one command's name. */
    private int help(List<String> args) {
        if (args.isEmpty()) {
            printUsage(out);
            return 0;
        }
        Command<?> command = commands.get(args.get(0));
        if (command == null) {
            return badInput("no command is named " + args.get(0), null);
        }
        if (args.size() > 1) {
            return badInput("help takes one command name, got also " + args.get(1), null);
        }
        printHelp(command, out);
        return 0;
    }

    /** The whole usage, generated from the registered commands and {@link LaunchOptions#USAGE}. */
    private void printUsage(PrintStream to) {
        to.println("usage: " + PROGRAM + " [options]                        open the window");
        to.println("       " + PROGRAM + " [options] <command> [arguments]  run one command, no window");
        to.println("       " + PROGRAM + " <command> --help                 one command's arguments");
        to.println("       " + PROGRAM + " --version | --help");
        to.println();
        to.println("commands:");
        commands.values().forEach(command -> to.println("  " + command.usage()));
        to.println();
        to.println("options (for the window and every command):");
        LaunchOptions.USAGE.forEach(line -> to.println("  " + line));
        to.println("  --version                  print the versions and exit");
        to.println("  -h, --help                 print this text and exit");
        to.println();
        to.println("exit codes:");
        Map<Integer, String> codes = new TreeMap<>(GENERAL_EXIT_CODES);
        commands.values().forEach(command -> command.exitCodes().forEach((code, meaning) ->
                codes.merge(code, command.name() + ": " + meaning, (a, b) -> a + "; " + b)));
        codes.forEach((code, meaning) -> to.println("  " + code + "  " + meaning));
    }

    private void printHelp(Command<?> command, PrintStream to) {
        // usage() is "synopsis   description" padded for the list; here the two go on lines of their own.
        String[] lines = command.usage().split("\n", 2);
        String[] synopsis = lines[0].strip().split("\\s{2,}", 2);
        to.println("usage: " + PROGRAM + " [options] " + synopsis[0]);
        if (lines.length > 1) {
            to.println(lines[1]);
        }
        if (synopsis.length > 1 || !command.details().isEmpty()) {
            to.println();
        }
        if (synopsis.length > 1) {
            to.println("  " + synopsis[1]);
        }
        command.details().forEach(line -> to.println("  " + line));
        to.println();
        to.println("exit codes:");
        Map<Integer, String> codes = new TreeMap<>(GENERAL_EXIT_CODES);
        codes.putAll(command.exitCodes());
        codes.forEach((code, meaning) -> to.println("  " + code + "  " + meaning));
        to.println();
        to.println("options: see " + PROGRAM + " --help");
    }

    /** Bad input: one sentence naming the problem and where the usage is; exit code 2. */
    private int badInput(String problem, Command<?> command) {
        String trimmed = problem.strip();
        if (trimmed.endsWith(".")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        err.println("error: " + trimmed + "; see '" + PROGRAM + (command == null ? "" : " " + command.name())
                + " --help'.");
        return 2;
    }

    private <A> int parseAndRun(Command<A> command, List<String> commandArgs, LaunchOptions options) {
        Connector connector = connectors.get();
        A arguments;
        try {
            arguments = command.parse(commandArgs);
        } catch (Command.UsageException e) {
            return badInput(e.getMessage(), command);
        }
        try {
            return command.open(connector, options, arguments, out, err);
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            return 2;
        } catch (RuntimeException e) {
            err.println("error: " + FailureMessages.describe(command.name(), e));
            return 1;
        }
    }
}
