package com.nemorouter.console.connection;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Opens what {@link LaunchOptions} ask for: the demo database, or a real one by URL. */
public final class Connector {

    private static final Logger LOG = LoggerFactory.getLogger(Connector.class);

    private final ConsoleHome home;
    private final ConnectionStrings connectionStrings;

    /** Resolves connection strings with the process environment, ~/.pgpass and ~/.pg_service.conf. */
    public Connector(ConsoleHome home) {
        this(home, ConnectionStrings.fromSystem(System.getenv()));
    }

    public Connector(ConsoleHome home, ConnectionStrings connectionStrings) {
        this.home = home;
        this.connectionStrings = connectionStrings;
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
                ConnectionTarget target = options.schemas() == null ? demo.target()
                        : demo.target().withSchemas(options.schemas());
                return new OpenConnection(Database.open(target, options.settings()), demo);
            } catch (RuntimeException e) {
                demo.close();
                throw e;
            }
        }
        ConnectionTarget target = connectionStrings.resolve(options.url());
        if (options.schemas() != null) {
            target = target.withSchemas(options.schemas());
        }
        LOG.info("Connecting to {} (sslmode {}, password from {}{})", target.displayName(),
                target.sslMode().spelling(), target.passwordSource(), target.pooler() ? ", pooler" : "");
        return new OpenConnection(Database.open(target, options.settings()), null);
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
