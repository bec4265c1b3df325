package com.nemorouter.console.connection;

import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Opens what {@link LaunchOptions} ask for: the demo database, or a real one by URL. */
public final class Connector {

    private static final Logger LOG = LoggerFactory.getLogger(Connector.class);

    private final ConsoleHome home;

    public Connector(ConsoleHome home) {
        this.home = home;
    }

    /**
     * Opens the connection on the calling thread (it can take seconds: never the FX thread).
     *
     * @throws IllegalArgumentException for a malformed connection string
     */
    public OpenConnection open(LaunchOptions options) {
        if (options.usesDemo()) {
            DemoDatabase demo = DemoDatabase.start(home.demoDataDirectory(), options.resetDemo());
            try {
                return new OpenConnection(openDatabase(demo.target(), options), demo);
            } catch (RuntimeException e) {
                demo.close();
                throw e;
            }
        }
        ConnectionTarget target = ConnectionTarget.parse(options.url());
        LOG.info("Connecting to {}", target.displayName());
        return new OpenConnection(openDatabase(target, options), null);
    }

    /**
     * Opens read-only when asked, and also when the role lacks a privilege an edit needs: then the
     * database refuses every write, instead of an edit failing half-way through the UI.
     */
    private static Database openDatabase(ConnectionTarget target, LaunchOptions options) {
        if (options.readOnly()) {
            return Database.open(target, "started with --read-only");
        }
        Database database = Database.open(target);
        Optional<String> missing;
        try {
            missing = EditPrivileges.missing(database);
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
        if (missing.isEmpty()) {
            return database;
        }
        database.close();
        LOG.info("Opening read-only: {}", missing.get());
        return Database.open(target, missing.get());
    }

    /** A database and, for the demo, the embedded server behind it; closing stops both. */
    public record OpenConnection(Database database, DemoDatabase demo) implements AutoCloseable {
        @Override
        public void close() {
            try {
                database.close();
            } finally {
                if (demo != null) {
                    demo.close();
                }
            }
        }
    }
}
