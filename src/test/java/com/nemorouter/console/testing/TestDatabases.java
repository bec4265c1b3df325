package com.nemorouter.console.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import com.nemorouter.console.connection.SchemaNames;
import com.nemorouter.console.connection.ConnectionTarget;
import com.nemorouter.console.connection.Database;
import com.nemorouter.console.connection.DemoDatabase;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * One embedded PostgreSQL per test JVM. The demo schema and seed are installed once into a template
 * database; every test database is a fast {@code CREATE DATABASE ... TEMPLATE} copy of it, so tests that
 * write never see each other's changes and read-only tests share one copy.
 */
public final class TestDatabases {

    private static final String TEMPLATE = "seed_template";
    private static final AtomicInteger COPIES = new AtomicInteger();

    private static EmbeddedPostgres postgres;
    private static Database shared;

    private TestDatabases() {
    }

    private static synchronized EmbeddedPostgres server() {
        if (postgres == null) {
            try {
                postgres = EmbeddedPostgres.builder()
                        .setServerConfig("fsync", "off")
                        .setServerConfig("synchronous_commit", "off")
                        .setServerConfig("max_connections", "120")
                        .setPGStartupWait(java.time.Duration.ofSeconds(90))
                        .start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            execute(postgres.getPostgresDatabase(), "create database " + TEMPLATE);
            try (Connection connection = postgres.getDatabase("postgres", TEMPLATE).getConnection()) {
                DemoDatabase.install(connection);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    postgres.close();
                } catch (IOException ignored) {
                    // the JVM is exiting; the temp directory goes with it
                }
            }));
        }
        return postgres;
    }

    /** A seeded database shared by read-only tests. Do not write to it. */
    public static synchronized Database seeded() {
        if (shared == null) {
            shared = Database.open(target(copyOfSeed()));
        }
        return shared;
    }

    /** A new, private copy of the seeded database (name returned); open it with {@link #target}. */
    public static String copyOfSeed() {
        String name = "seed_copy_" + COPIES.incrementAndGet();
        execute(server().getPostgresDatabase(), "create database " + name + " template " + TEMPLATE);
        return name;
    }

    /** A new, private copy of another test database (which must have no open connections). */
    public static String copyOf(String template) {
        String name = "copy_" + COPIES.incrementAndGet();
        execute(server().getPostgresDatabase(), "create database " + name + " template " + template);
        return name;
    }

    /** A new, empty database (no schema at all). */
    public static String emptyDatabase() {
        String name = "empty_" + COPIES.incrementAndGet();
        execute(server().getPostgresDatabase(), "create database " + name);
        return name;
    }

    public static ConnectionTarget target(String databaseName) {
        return ConnectionTarget.parse(url(databaseName));
    }

    /** {@code postgresql://postgres@localhost:<port>/<db>}: the form users paste. */
    public static String url(String databaseName) {
        return "postgresql://postgres@localhost:" + server().getPort() + "/" + databaseName;
    }

    public static DataSource dataSource(String databaseName) {
        return server().getDatabase("postgres", databaseName);
    }

    /** Runs test SQL on a database with the default schema names; placeholders resolve to those. */
    public static void execute(DataSource dataSource, String sql) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(SchemaNames.DEFAULT.resolve(sql));
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    public static int port() {
        return server().getPort();
    }
}
