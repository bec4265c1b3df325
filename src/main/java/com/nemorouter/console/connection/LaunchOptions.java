package com.nemorouter.console.connection;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The connection options shared by the GUI and every command: {@code --url}, {@code --reset-demo},
 * {@code --profile}, {@code --schemas}, {@code --connect-timeout}, {@code --statement-timeout},
 * {@code --read-only}.
 * Without {@code --url} (or {@code DATABASE_URL}) the console opens its embedded demo database.
 */
public record LaunchOptions(String url, boolean resetDemo, List<String> remaining, SchemaNames schemas,
                            ConnectionSettings settings, String profile) {

    /** The options {@link #parse} understands, one line each for {@code --help}; kept beside the parser so they agree. */
    public static final List<String> USAGE = List.of(
            "--url <connection string>  the database: a postgresql:// URL, a JDBC URL, libpq keywords or service=<name>;",
            "                           default DATABASE_URL, else the embedded demo database",
            "--profile <name>           a saved connection profile (instead of --url)",
            "--schemas nemo=..,public=..,auth=..  other names for the three schemas",
            "--connect-timeout <s>      give up opening a connection after this many seconds (default "
                    + ConnectionSettings.DEFAULT.connectTimeout().toSeconds() + ")",
            "--statement-timeout <s>    bound each read statement (default "
                    + ConnectionSettings.DEFAULT.readStatementTimeout().toSeconds() + ", 0 for none)",
            "--read-only                open the session read-only: the database refuses every write",
            "--reset-demo               rebuild the demo database from scratch");

    public LaunchOptions {
        remaining = List.copyOf(remaining);
    }

    public LaunchOptions(String url, boolean resetDemo, List<String> remaining) {
        this(url, resetDemo, remaining, null, ConnectionSettings.DEFAULT, null);
    }

    /** @throws IllegalArgumentException when an option is missing its value */
    public static LaunchOptions parse(List<String> args, Map<String, String> environment) {
        String url = null;
        boolean resetDemo = false;
        SchemaNames schemas = null;
        ConnectionSettings settings = ConnectionSettings.DEFAULT;
        String profile = null;
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
            } else if (arg.equals("--profile")) {
                profile = value(args, i++, "--profile needs the name of a saved profile");
            } else if (arg.equals("--schemas")) {
                schemas = SchemaNames.parse(value(args, i++, "--schemas needs names, for example --schemas nemo=nemo,public=litellm,auth=auth"));
            } else if (arg.equals("--connect-timeout")) {
                settings = settings.withConnectTimeout(seconds(value(args, i++, "--connect-timeout needs seconds"), "--connect-timeout"));
            } else if (arg.equals("--statement-timeout")) {
                settings = settings.withReadStatementTimeout(seconds(value(args, i++, "--statement-timeout needs seconds (0 for none)"), "--statement-timeout"));
            } else if (arg.equals("--reset-demo")) {
                resetDemo = true;
            } else if (arg.equals("--read-only")) {
                settings = settings.withReadOnly(true);
            } else {
                remaining.add(arg);
            }
        }
        if (url != null && profile != null) {
            throw new IllegalArgumentException("Give either --url or --profile, not both.");
        }
        if (url == null && profile == null) {
            String fromEnvironment = environment.get("DATABASE_URL");
            if (fromEnvironment != null && !fromEnvironment.isBlank()) {
                url = fromEnvironment;
            }
        }
        if ((url != null || profile != null) && resetDemo) {
            throw new IllegalArgumentException("--reset-demo applies to the demo database only; drop --url to use it.");
        }
        return new LaunchOptions(url, resetDemo, remaining, schemas, settings, profile);
    }

    private static String value(List<String> args, int index, String missing) {
        if (index + 1 >= args.size() || args.get(index + 1).startsWith("--")) {
            throw new IllegalArgumentException(missing + ".");
        }
        return args.get(index + 1);
    }

    private static Duration seconds(String text, String option) {
        try {
            long seconds = Long.parseLong(text.strip());
            if (seconds >= 0) {
                return Duration.ofSeconds(seconds);
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new IllegalArgumentException(option + " takes a whole number of seconds, not '" + text + "'.");
    }

    /** {@code --read-only}: every transaction of the session is read-only, so the database refuses writes. */
    public boolean readOnly() {
        return settings.readOnly();
    }

    public boolean usesDemo() {
        return url == null && profile == null;
    }
}
