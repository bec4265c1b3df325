package com.nemorouter.console.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

import com.nemorouter.console.connection.ConnectionProfile;
import com.nemorouter.console.connection.ConsoleHome;
import com.nemorouter.console.connection.ProfileStore;
import com.nemorouter.console.testing.ConsoleRobot;
import com.nemorouter.console.testing.Seed;
import com.nemorouter.console.testing.TestDatabases;

import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;

/** A saved profile opens with its banner; the dialog reconnects to another profile without a restart. */
class ConnectionUiTest extends ConsoleRobot {

    private Application application;
    private String previousHome;
    private Path home;

    @BeforeEach
    void start() throws Exception {
        home = Files.createTempDirectory("nemo-console-ui");
        previousHome = System.setProperty(ConsoleHome.HOME_PROPERTY, home.toString());
        ProfileStore profiles = ProfileStore.in(new ConsoleHome(home));
        String production = TestDatabases.copyOfSeed();
        profiles.save(new ConnectionProfile("Production", "#b42318", "PRODUCTION",
                "postgresql://localhost:" + TestDatabases.port() + "/" + production, "postgres", true, null));
        profiles.save(new ConnectionProfile("Staging", "#9a5b00", "STAGING",
                TestDatabases.url(TestDatabases.copyOfSeed()), "", false, null));
        application = launchConsole("--profile", "Production");
        waitForSeedOrganizations();
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
    void theProfileBannerAndTlsStateShowAndTheDialogSwitchesProfilesAndTheWindowStateIsSaved() throws Exception {
        Label banner = find("#profile-banner");
        assertThat(banner.isVisible()).isTrue();
        assertThat(banner.getText()).isEqualTo("PRODUCTION");
        assertThat(banner.getStyle()).contains("#b42318");
        waitUntil(() -> ((Label) find("#status-tls")).getText().equals("TLS: not encrypted"));

        clickOn("#status-connect");
        waitUntil(() -> lookup("#connection-profiles").tryQuery().isPresent()
                && this.<ListView<ConnectionProfile>>find("#connection-profiles").getItems().size() == 2);
        ListView<ConnectionProfile> list = find("#connection-profiles");
        clickOn(from(list).lookup("Staging  [STAGING]").<Node>query());
        clickOn("#connection-connect");

        waitUntil(() -> "STAGING".equals(((Label) find("#profile-banner")).getText())
                && lookup("#organization-table").tryQuery().isPresent()
                && organizationTable().getItems().size() == Seed.ORGANIZATIONS);
        assertThat(((Label) find("#status-connection")).getText()).startsWith("Connected: postgres@localhost:");

        FxToolkit.cleanupApplication(application);
        application = null;
        Properties state = new Properties();
        try (Reader reader = Files.newBufferedReader(home.resolve("window.properties"))) {
            state.load(reader);
        }
        assertThat(state.getProperty("profile.last")).isEqualTo("Staging");
        assertThat(Double.parseDouble(state.getProperty("window.width"))).isPositive();
        assertThat(Double.parseDouble(state.getProperty("split.browser.0"))).isBetween(0.05, 0.95);
        assertThat(state.stringPropertyNames()).anyMatch(key -> key.startsWith("column.organization-table."));
    }

}
