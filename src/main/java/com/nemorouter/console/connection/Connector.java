package com.nemorouter.console.connection;

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
                return new OpenConnection(Database.open(demo.target()), demo);
            } catch (RuntimeException e) {
                demo.close();
                throw e;
            }
        }
        ConnectionTarget target = ConnectionTarget.parse(options.url());
        LOG.info("Connecting to {}", target.displayName());
        return new OpenConnection(Database.open(target), null);
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
