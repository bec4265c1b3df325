package com.nemorouter.console.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.Writer;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

import com.nemorouter.console.connection.ConsoleHome;
import com.nemorouter.console.testing.ConsoleRobot;
import com.nemorouter.console.testing.Seed;
import com.nemorouter.console.testing.TestDatabases;

import javafx.application.Application;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import javafx.stage.Window;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Connecting elsewhere never costs the working session; saved state from a tiny window is ignored. */
class ConnectionSwitchUiTest extends ConsoleRobot {

    private Application application;
    private String previousHome;
    private Path home;

    private void start(Properties savedState) throws Exception {
        home = Files.createTempDirectory("nemo-console-switch");
        if (savedState != null) {
            try (Writer writer = Files.newBufferedWriter(home.resolve("window.properties"))) {
                savedState.store(writer, "from a tiny window");
            }
        }
        previousHome = System.setProperty(ConsoleHome.HOME_PROPERTY, home.toString());
        application = launchConsole("--url",
                TestDatabases.url(TestDatabases.copyOfSeed()));
        waitUntil(() -> lookup("#organization-table").tryQuery().isPresent()
                && organizationTable().getItems().size() == Seed.ORGANIZATIONS
                && !this.<Label>find("#status-server").getText().isEmpty());
    }

    @AfterEach
    void stop() throws Exception {
        closeConsole(application);
        if (previousHome == null) {
            System.clearProperty(ConsoleHome.HOME_PROPERTY);
        } else {
            System.setProperty(ConsoleHome.HOME_PROPERTY, previousHome);
        }
    }

    @Test
    void aFailedConnectKeepsTheSessionAndAnUnparsableStringIsRejectedInline() throws Exception {
        start(null);
        String connected = this.<Label>find("#status-connection").getText();
        String server = this.<Label>find("#status-server").getText();
        assertThat(connected).startsWith("Connected: ");

        clickOn("#status-connect");
        waitUntil(() -> lookup("#connection-string").tryQuery().isPresent());
        TextField string = find("#connection-string");
        Button connect = find("#connection-connect");

        // Port 99999: rejected as typed; Connect stays off, nothing disconnects.
        interact(() -> string.setText("postgresql://admin@127.0.0.1:99999/postgres"));
        assertThat(connect.isDisabled()).isTrue();
        assertThat(this.<Label>find("#connection-message").getText()).isEmpty();
        assertThat(this.<Label>find("#status-connection").getText()).isEqualTo(connected);

        // A password typed inside the string moves to the masked field.
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        interact(() -> string.setText("postgresql://admin:topsecret@127.0.0.1:" + closedPort + "/postgres?connectTimeout=2"));
        clickOn(string); // as typed: the field has the focus ...
        clickOn("#connection-name"); // ... and leaving it moves the password out
        waitUntil(() -> !string.getText().contains("topsecret"));
        assertThat(string.getText()).isEqualTo("postgresql://admin@127.0.0.1:" + closedPort + "/postgres?connectTimeout=2");
        assertThat(this.<PasswordField>find("#connection-password").getText()).isEqualTo("topsecret");

        // A database that is not there: the dialog says so and stays; the session goes on.
        assertThat(connect.isDisabled()).isFalse();
        interact(() -> this.<TextField>find("#connection-name").setText("Broken"));
        clickOn(connect);
        waitUntil(() -> this.<Label>find("#connection-message").getText().contains("unchanged"));
        assertThat(this.<Label>find("#connection-message").getText()).startsWith("Connecting failed")
                .doesNotContain("topsecret");
        assertThat(this.<Label>find("#status-connection").getText()).isEqualTo(connected);
        assertThat(this.<Label>find("#status-server").getText()).isEqualTo(server);
        assertThat(this.<Label>find("#status-failure").getText()).contains("Still connected to")
                .doesNotContain("topsecret");
        assertThat(organizationTable().getItems()).hasSize(Seed.ORGANIZATIONS);
        assertThat(organizationTable().getScene().getWindow().isShowing()).isTrue();

        // Cancel closes the dialog; the browser still works on the first database.
        Window dialog = string.getScene().getWindow();
        clickOn("#connection-cancel");
        waitUntil(() -> !dialog.isShowing());
        clickOn("#organization-search").write("cedar");
        waitUntil(() -> organizationTable().getItems().size() == 1);
    }

    @Test
    void stateSavedFromATinyWindowIsIgnored() throws Exception {
        Properties tiny = new Properties();
        tiny.setProperty("window.width", "420");
        tiny.setProperty("window.height", "310");
        tiny.setProperty("split.browser.0", "0.9");
        tiny.setProperty("column.organization-table.nameColumn", "21");
        tiny.setProperty("profile.last", "Staging");
        start(tiny);
        Stage stage = (Stage) organizationTable().getScene().getWindow();
        assertThat(stage.getWidth()).isGreaterThanOrEqualTo(WindowState.MIN_WIDTH);
        assertThat(stage.getHeight()).isGreaterThanOrEqualTo(WindowState.MIN_HEIGHT);
        assertThat(organizationTable().getColumns()).extracting(TableColumn::getWidth)
                .allSatisfy(width -> assertThat(width).isNotEqualTo(21.0));
        assertThat(this.<javafx.scene.control.SplitPane>find("#browser").getDividerPositions()[0]).isLessThan(0.85);
    }
}
