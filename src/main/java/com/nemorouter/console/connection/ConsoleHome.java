package com.nemorouter.console.connection;

import java.nio.file.Path;

/** The per-user directory that holds the demo database and local state. */
public final class ConsoleHome {

    /** Tests point this at a scratch directory so they never touch the user's own demo database. */
    public static final String HOME_PROPERTY = "nemo.console.home";

    /** The same for the installed launcher, which takes no {@code -D} options on its command line. */
    public static final String HOME_VARIABLE = "NEMO_CONSOLE_HOME";

    private final Path directory;

    public ConsoleHome(Path directory) {
        this.directory = directory;
    }

    public static ConsoleHome fromSystem() {
        return resolve(System.getProperty(HOME_PROPERTY), System.getenv(HOME_VARIABLE), System.getProperty("user.home"));
    }

    /** The system property wins over the environment variable; without either, {@code ~/.nemo-console}. */
    static ConsoleHome resolve(String property, String variable, String userHome) {
        for (String override : new String[] {property, variable}) {
            if (override != null && !override.isBlank()) {
                return new ConsoleHome(Path.of(override));
            }
        }
        return new ConsoleHome(Path.of(userHome, ".nemo-console"));
    }

    public Path directory() {
        return directory;
    }

    public Path demoDataDirectory() {
        return directory.resolve("demo");
    }
}
