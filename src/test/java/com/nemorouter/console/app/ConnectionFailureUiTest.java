package com.nemorouter.console.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.util.concurrent.TimeUnit;

import javafx.application.Application;
import javafx.scene.control.Label;

import com.nemorouter.console.testing.ConsoleRobot;
import com.nemorouter.console.testing.SilentServer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

/** A database that is not there gives a sentence in the status bar, not a stack trace or a frozen window. */
class ConnectionFailureUiTest extends ConsoleRobot {

    private Application application;

    @AfterEach
    void stop() throws Exception {
        closeConsole(application);
    }

    @Test
    void unreachableDatabaseIsReportedReadablyWithoutThePassword() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        application = launchConsole("--url",
                "postgresql://admin:topsecret@127.0.0.1:" + closedPort + "/postgres?connectTimeout=2");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS,
                () -> !lookup("#status-failure").<Label>query().getText().isEmpty());
        String message = lookup("#status-failure").<Label>query().getText();
        assertThat(message).startsWith("Connecting failed: 127.0.0.1:" + closedPort + " refused the connection")
                .doesNotContain("topsecret").doesNotContain("Exception");
        assertThat(lookup("#status-connection").<Label>query().getText()).isEqualTo("Not connected");
    }

    @Test
    void aSilentServerGivesTheSameSentenceAsTheCommandLine() throws Exception {
        try (SilentServer silent = new SilentServer()) {
            application = launchConsole("--connect-timeout", "2",
                    "--url", "postgresql://admin:topsecret@127.0.0.1:" + silent.port() + "/postgres");
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS,
                    () -> !lookup("#status-failure").<Label>query().getText().isEmpty());
            assertThat(lookup("#status-failure").<Label>query().getText()).isEqualTo("Connecting failed: 127.0.0.1:"
                    + silent.port() + " did not answer within 2 s; check the host, the port and any firewall in "
                    + "between, or allow more time with --connect-timeout <seconds>.");
        }
    }
}
