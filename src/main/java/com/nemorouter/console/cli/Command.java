package com.nemorouter.console.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;

import com.nemorouter.console.wiring.ConsoleServices;
import com.nemorouter.console.connection.Connector;
import com.nemorouter.console.connection.LaunchOptions;

/**
 * One headless command. It gets the wired services of the open connection and its own arguments
 * (connection options already removed). Exit codes: 0 success, 1 failure, 2 bad input; a command
 * may define more (audit uses 3 for findings).
 */
public interface Command<A> {

    String name();

    /** One line for the usage text, e.g. {@code check  print the tenant counts}. */
    String usage();

    /**
     * What {@code <command> --help} prints below the usage line: the arguments, the options and what the
     * command prints. A new command describes itself here and appears in {@code --help} by registering.
     */
    default List<String> details() {
        return List.of();
    }

    /** Exit codes this command uses beyond 0 (success), 1 (failure) and 2 (bad input), e.g. audit's 3. */
    default Map<Integer, String> exitCodes() {
        return Map.of();
    }

    /**
     * Parses and checks the arguments before any connection is opened, so bad input never touches the
     * database.
     *
     * @throws UsageException naming the problem
     */
    A parse(List<String> args) throws UsageException;

    int run(ConsoleServices services, A arguments, PrintStream out, PrintStream err);

    /**
     * Opens what the launch options name, wires the services and runs. A command that brings its own
     * database (bench's generated dataset) overrides this.
     */
    default int open(Connector connector, LaunchOptions options, A arguments, PrintStream out, PrintStream err) {
        try (Connector.OpenConnection connection = connector.open(options)) {
            return run(ConsoleServices.wire(connection, connector.home()), arguments, out, err);
        }
    }

    /** Bad input: exit code 2, nothing written. */
    final class UsageException extends Exception {
        private static final long serialVersionUID = 1L;

        public UsageException(String message) {
            super(message);
        }
    }
}
