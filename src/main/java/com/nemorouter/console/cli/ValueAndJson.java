package com.nemorouter.console.cli;

import java.util.List;

import com.nemorouter.console.cli.Command.UsageException;

/** The arguments of {@code locate} and {@code key}: exactly one value and an optional {@code --json}. */
record ValueAndJson(String value, boolean json) {

    /**
     * @param command      the command's name, for messages
     * @param missingValue the message when no value is given, saying what a valid one looks like
     */
    static ValueAndJson parse(String command, List<String> args, String missingValue) throws UsageException {
        boolean json = false;
        String value = null;
        for (String arg : args) {
            if (arg.equals("--json")) {
                json = true;
            } else if (arg.startsWith("--")) {
                throw new UsageException("unknown option " + arg + " for " + command + " (only --json)");
            } else if (value != null) {
                throw new UsageException(command + " takes one value, got a second: " + arg);
            } else {
                value = arg;
            }
        }
        if (value == null) {
            throw new UsageException(missingValue);
        }
        return new ValueAndJson(value, json);
    }
}
