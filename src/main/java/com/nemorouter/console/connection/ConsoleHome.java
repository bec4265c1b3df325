package com.nemorouter.console.connection;

import java.nio.file.Path;

/** The per-user directory that holds the demo database and local state. */
public final class ConsoleHome {

    /** Tests point this at a scratch directory so they never touch the user's own demo database. */
    public static final String HOME_PROPERTY = "nemo.console.home";

    private final Path directory;

    public ConsoleHome(Path directory) {
        this.directory = directory;
    }

    public static ConsoleHome fromSystem() {
        String override = System.getProperty(HOME_PROPERTY);
        if (override != null && !override.isBlank()) {
            return new ConsoleHome(Path.of(override));
        }
        return new ConsoleHome(Path.of(System.getProperty("user.home"), ".nemo-console"));
    }

    public Path directory() {
        return directory;
    }

    public Path demoDataDirectory() {
        return directory.resolve("demo");
    }
}
