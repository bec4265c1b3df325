package com.nemorouter.console.connection;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import javax.sql.DataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An embedded PostgreSQL kept in a directory of the console home between runs (the demo database, the
 * benchmark dataset): started there, deleted first on request, and stopped on close or JVM exit, so a
 * terminated console never leaves its server holding the directory.
 */
public final class EmbeddedServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedServer.class);

    private final EmbeddedPostgres postgres;
    private final String name;
    private final AtomicBoolean closed = new AtomicBoolean();

    private EmbeddedServer(EmbeddedPostgres postgres, String name) {
        this.postgres = postgres;
        this.name = name;
    }

    /**
     * @param name         what the server is for, in messages and the shutdown thread's name ("demo", "bench")
     * @param serverConfig settings on top of zonky's defaults
     */
    public static EmbeddedServer start(String name, Path dataDirectory, boolean reset, Map<String, String> serverConfig)
            throws IOException {
        if (reset) {
            deleteRecursively(dataDirectory);
        }
        Files.createDirectories(dataDirectory.getParent());
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false)
                .setServerConfig("max_connections", "40")
                // First start runs initdb; on a busy 2-core machine that exceeds zonky's 10 s default.
                .setPGStartupWait(Duration.ofSeconds(90));
        serverConfig.forEach(builder::setServerConfig);
        EmbeddedServer server = new EmbeddedServer(builder.start(), name);
        // A terminated console (Ctrl+C, SIGTERM, logout) must not leave its server holding the directory.
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, name + "-database-stop"));
        return server;
    }

    public DataSource dataSource() {
        return postgres.getPostgresDatabase();
    }

    public ConnectionTarget target() {
        return ConnectionTarget.demo(postgres.getJdbcUrl("postgres", "postgres"), "postgres");
    }

    public int port() {
        return postgres.getPort();
    }

    private static void deleteRecursively(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            postgres.close();
        } catch (IOException e) {
            LOG.warn("Stopping the {} database failed: {}", name, e.getMessage());
        }
    }
}
