package com.nemorouter.console.connection;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded PostgreSQL that the console opens when no connection is given. Its data directory is
 * kept between runs, so what an admin changed in the demo is still there next time.
 */
public final class DemoDatabase implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DemoDatabase.class);

    /** Bumped whenever schema.sql or seed.sql changes, so old demo directories are rebuilt. */
    static final int SEED_VERSION = 2;
    private static final String RESOURCE_DIR = "/com/nemorouter/console/connection/demo/";

    private final EmbeddedServer postgres;

    private DemoDatabase(EmbeddedServer postgres) {
        this.postgres = postgres;
    }

    /**
     * Starts (and on first use creates and seeds) the demo database in {@code dataDirectory}.
     *
     * @param reset delete the directory first and seed it again
     */
    public static DemoDatabase start(Path dataDirectory, boolean reset) {
        refuseIfInUse(dataDirectory);
        try {
            // zonky starts servers with fsync and synchronous commit off (fine for tests); the demo keeps
            // what an admin changed, so it gets PostgreSQL's durable defaults back.
            EmbeddedServer postgres = EmbeddedServer.start("demo", dataDirectory, reset,
                    Map.of("fsync", "on", "synchronous_commit", "on"));
            DemoDatabase demo = new DemoDatabase(postgres);
            try {
                demo.seedIfNeeded();
            } catch (RuntimeException e) {
                demo.close();
                throw e;
            }
            return demo;
        } catch (IOException e) {
            throw new IllegalStateException("Could not start the demo database in " + dataDirectory
                    + ": " + e.getMessage() + ". If another Nemo Console is running, close it or use --reset-demo.", e);
        }
    }

    /**
     * Fails at once, naming the process, when a live PostgreSQL already serves {@code dataDirectory}
     * (another console, or one that was killed): waiting for the start-up timeout would only say less.
     */
    static void refuseIfInUse(Path dataDirectory) {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        if (!Files.isRegularFile(pidFile)) {
            return;
        }
        long pid;
        try (Stream<String> lines = Files.lines(pidFile)) {
            // PostgreSQL writes a negative pid while a single-user backend holds the directory.
            pid = Math.abs(Long.parseLong(lines.findFirst().orElse("0").strip()));
        } catch (IOException | NumberFormatException e) {
            return;
        }
        boolean postgresAlive = ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                .flatMap(process -> process.info().command())
                .filter(command -> command.contains("postgres"))
                .isPresent();
        if (postgresAlive) {
            throw new IllegalStateException("The demo database in " + dataDirectory + " is in use by PostgreSQL process "
                    + pid + ", most likely another Nemo Console. Close that console (or stop process " + pid
                    + ") and start again.");
        }
    }

    private void seedIfNeeded() {
        DataSource dataSource = postgres.dataSource();
        try (Connection connection = dataSource.getConnection()) {
            if (installedSeedVersion(connection) == SEED_VERSION) {
                return;
            }
            LOG.info("Creating the demo database (seed version {})", SEED_VERSION);
            install(connection);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create the demo database: " + e.getMessage(), e);
        }
    }

    private static int installedSeedVersion(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(
                     "select to_regclass('nemo_console_demo.seed') is not null")) {
            rows.next();
            if (!rows.getBoolean(1)) {
                return -1;
            }
        }
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select max(version) from nemo_console_demo.seed")) {
            return rows.next() ? rows.getInt(1) : -1;
        }
    }

    /** Drops whatever an older seed left and installs LiteLLM's, Supabase's and NemoRouter's tables. */
    public static void install(Connection connection) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            statement.execute("drop schema if exists nemo cascade; drop schema if exists auth cascade; "
                    + "drop schema if exists nemo_console_demo cascade; drop schema public cascade; create schema public;");
            statement.execute(resource("schema.sql"));
            statement.execute(resource("seed.sql").replace("ANALYZE;", ""));
            statement.execute("create schema nemo_console_demo; "
                    + "create table nemo_console_demo.seed (version int not null); "
                    + "insert into nemo_console_demo.seed values (" + SEED_VERSION + ")");
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("analyze");
        }
    }

    /** LiteLLM's, Supabase's and NemoRouter's tables with LiteLLM's own indexes only (the benchmark builds on it). */
    public static String schemaScript() {
        return resource("schema.sql");
    }

    static String resource(String name) {
        try (InputStream in = DemoDatabase.class.getResourceAsStream(RESOURCE_DIR + name)) {
            if (in == null) {
                throw new IllegalStateException("Missing demo resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public ConnectionTarget target() {
        return postgres.target();
    }

    public int port() {
        return postgres.port();
    }

    @Override
    public void close() {
        postgres.close();
    }
}
