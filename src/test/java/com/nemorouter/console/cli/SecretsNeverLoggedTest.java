package com.nemorouter.console.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.nemorouter.console.connection.ConnectionStrings;
import com.nemorouter.console.connection.ConsoleHome;
import com.nemorouter.console.connection.Connector;
import com.nemorouter.console.connection.MaskingMessageConverter;
import com.nemorouter.console.testing.TestDatabases;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.read.ListAppender;

/**
 * Connects, fails to connect and rejects strings, all with a password in them, while every logger that
 * could see it (ours, the pool's, Hibernate's) logs at DEBUG into a capturing appender.
 */
class SecretsNeverLoggedTest {

    private static final String SECRET = "Hunter2-Secret";
    private static final List<String> LOGGERS = List.of("com.nemorouter", "com.zaxxer.hikari", "org.hibernate");

    @TempDir
    Path home;

    private final ListAppender<ILoggingEvent> captured = new ListAppender<>();
    private final Map<String, Level> previousLevels = new java.util.HashMap<>();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void capture() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        captured.setContext(context);
        captured.start();
        context.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(captured);
        for (String name : LOGGERS) {
            Logger logger = context.getLogger(name);
            previousLevels.put(name, logger.getLevel());
            logger.setLevel(Level.DEBUG);
        }
    }

    @AfterEach
    void release() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        context.getLogger(Logger.ROOT_LOGGER_NAME).detachAppender(captured);
        previousLevels.forEach((name, level) -> context.getLogger(name).setLevel(level));
    }

    private int run(String... args) {
        return new CommandLine(new Connector(new ConsoleHome(home), ConnectionStrings.isolated()),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8))
                .run(List.of(args), Map.of());
    }

    @Test
    void noPasswordInLogsOrOutputWhetherConnectingSucceedsFailsOrTheStringIsBad() {
        String database = TestDatabases.copyOfSeed();
        int connected = run("--url", "postgresql://postgres:" + SECRET + "%21@localhost:" + TestDatabases.port()
                + "/" + database, "check");
        int unreachable = run("--url", "postgresql://postgres:" + SECRET + "@localhost:1/nemo", "--connect-timeout",
                "1", "check");
        int malformed = run("--url", "postgresql://postgres:" + SECRET + "@localhost:port/nemo", "check");
        int unknownParameter = run("--url", "host=localhost password=" + SECRET + " passwrd=" + SECRET, "check");

        assertThat(List.of(connected, unreachable, malformed, unknownParameter)).containsExactly(0, 1, 2, 2);
        assertThat(captured.list).as("the capture sees the pool and Hibernate").hasSizeGreaterThan(10)
                .anySatisfy(event -> assertThat(event.getLoggerName()).startsWith("com.zaxxer.hikari"))
                .anySatisfy(event -> assertThat(event.getFormattedMessage()).startsWith("Connecting to postgres@localhost"));
        for (ILoggingEvent event : captured.list) {
            assertThat(textOf(event)).doesNotContain(SECRET);
        }
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("ready: ").doesNotContain(SECRET);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("error: ").doesNotContain(SECRET);
    }

    @Test
    void theLogPatternMasksAPasswordEvenIfALibraryLoggedOne() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        LoggingEvent event = new LoggingEvent(getClass().getName(), context.getLogger("some.library"), Level.WARN,
                "cannot reach {}", null, new Object[] {"postgresql://admin:" + SECRET + "@db/x?password=" + SECRET});
        MaskingMessageConverter converter = new MaskingMessageConverter();

        assertThat(converter.convert(event)).isEqualTo("cannot reach postgresql://admin:****@db/x?password=****");
    }

    private static String textOf(ILoggingEvent event) {
        List<String> parts = new ArrayList<>();
        parts.add(event.getFormattedMessage());
        for (IThrowableProxy t = event.getThrowableProxy(); t != null; t = t.getCause()) {
            parts.add(t.getClassName() + ": " + t.getMessage());
        }
        return String.join("\n", parts);
    }
}
