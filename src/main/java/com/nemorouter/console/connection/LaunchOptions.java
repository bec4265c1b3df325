package com.nemorouter.console.connection;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The connection options shared by the GUI and every command: {@code --url}, {@code --reset-demo},
 * {@code --read-only}. Without {@code --url} (or {@code DATABASE_URL}) the console opens its embedded
 * demo database.
 */
public record LaunchOptions(String url, boolean resetDemo, boolean readOnly, List<String> remaining) {

    public LaunchOptions {
        remaining = List.copyOf(remaining);
    }

    /** @throws IllegalArgumentException when an option is missing its value */
    public static LaunchOptions parse(List<String> args, Map<String, String> environment) {
        String url = null;
        boolean resetDemo = false;
        boolean readOnly = false;
        List<String> remaining = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("--url")) {
                if (i + 1 >= args.size() || args.get(i + 1).startsWith("--")) {
                    throw new IllegalArgumentException("--url needs a connection string, for example "
                            + "--url postgresql://user@host:5432/postgres");
                }
                url = args.get(++i);
            } else if (arg.startsWith("--url=")) {
                url = arg.substring("--url=".length());
            } else if (arg.equals("--reset-demo")) {
                resetDemo = true;
            } else if (arg.equals("--read-only")) {
                readOnly = true;
            } else {
                remaining.add(arg);
            }
        }
        if (url == null) {
            String fromEnvironment = environment.get("DATABASE_URL");
            if (fromEnvironment != null && !fromEnvironment.isBlank()) {
                url = fromEnvironment;
            }
        }
        if (url != null && resetDemo) {
            throw new IllegalArgumentException("--reset-demo applies to the demo database only; drop --url to use it.");
        }
        return new LaunchOptions(url, resetDemo, readOnly, remaining);
    }

    public boolean usesDemo() {
        return url == null;
    }
}
