package com.nemorouter.console.connection;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator.ExecutionStatus;
import ch.qos.logback.classic.util.LogbackMDCAdapter;

import org.junit.jupiter.api.Test;

/** The logging set up in code does what logback.xml did: warnings on standard error, masked; nothing below. */
class ConsoleLoggingTest {

    @Test
    void warningsGoToStandardErrorMaskedAndInfoIsDropped() {
        LoggerContext context = new LoggerContext();
        // A context of its own, so the test's logging is untouched; SLF4J's provider sets this on the real one.
        context.setMDCAdapter(new LogbackMDCAdapter());
        ConsoleLogging logging = new ConsoleLogging();
        logging.setContext(context);
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream previous = System.err;
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            assertThat(logging.configure(context)).isEqualTo(ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY);
            context.getLogger("com.nemorouter.console.Anything").info("an info line never shows");
            context.getLogger("org.hibernate.Something").warn("retrying postgresql://admin:hunter2@db:5432/postgres");
        } finally {
            System.setErr(previous);
            context.stop();
        }
        String text = captured.toString(StandardCharsets.UTF_8);
        assertThat(text).matches("\\d\\d:\\d\\d:\\d\\d\\.\\d{3} WARN  org\\.hibernate\\.Something - retrying "
                + "postgresql://admin:\\*\\*\\*\\*@db:5432/postgres\\R");
        assertThat(text).doesNotContain("hunter2").doesNotContain("info line");
    }
}
