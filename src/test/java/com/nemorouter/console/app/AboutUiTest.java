package com.nemorouter.console.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.nemorouter.console.about.Versions;
import com.nemorouter.console.testing.ConsoleRobot;
import com.nemorouter.console.testing.TestDatabases;

import javafx.application.Application;
import javafx.scene.control.Label;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Help > About on the real application: versions, and the server version of the open connection. */
class AboutUiTest extends ConsoleRobot {

    private Application application;

    @BeforeEach
    void start() throws Exception {
        application = launchConsole("--url", TestDatabases.url(TestDatabases.copyOfSeed()));
        waitUntil(() -> lookup("#status-server").<Label>tryQuery().map(label -> !label.getText().isEmpty()).orElse(false));
    }

    @AfterEach
    void stop() throws Exception {
        closeConsole(application);
    }

    @Test
    void helpAboutShowsTheVersionsAndTheConnectedServer() {
        clickOn("Help");
        clickOn("About Nemo Console");
        waitUntil(() -> lookup("#about-server-version").tryQuery().isPresent());

        Versions versions = Versions.ofRuntime();
        assertThat(label("#about-app-version")).isEqualTo(Versions.UNPACKAGED);
        assertThat(label("#about-java-version")).isEqualTo(versions.java());
        assertThat(label("#about-javafx-version")).isEqualTo(versions.javafx());
        assertThat(label("#about-server-version")).startsWith("PostgreSQL 17.6 (").contains("localhost");

        clickOn("#about-close");
        waitUntil(() -> lookup("#about-server-version").tryQuery().isEmpty());
    }

    private String label(String id) {
        return lookup(id).<Label>query().getText();
    }

}
