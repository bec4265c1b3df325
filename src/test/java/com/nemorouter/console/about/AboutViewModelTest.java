package com.nemorouter.console.about;

import static org.assertj.core.api.Assertions.assertThat;

import com.nemorouter.console.connection.ConnectionService;
import com.nemorouter.console.connection.ServerInfo;
import com.nemorouter.console.testing.TestDatabases;

import javafx.beans.property.SimpleObjectProperty;

import org.junit.jupiter.api.Test;

class AboutViewModelTest {

    @Test
    void runtimeVersionsComeFromTheRunningJavaAndJavaFx() {
        Versions versions = Versions.ofRuntime();
        // Tests run from target/classes, which has no jar manifest.
        assertThat(versions.app()).isEqualTo(Versions.UNPACKAGED);
        assertThat(versions.java()).startsWith(System.getProperty("java.runtime.version"));
        assertThat(versions.javafx()).matches("\\d+(\\.\\d+)*\\+\\d+");
        assertThat(versions.lines()).containsExactly("Nemo Console " + versions.app(), "Java " + versions.java(),
                "JavaFX " + versions.javafx());
    }

    @Test
    void showsTheServerVersionOnceConnected() {
        SimpleObjectProperty<ServerInfo> server = new SimpleObjectProperty<>();
        AboutViewModel viewModel = new AboutViewModel(new Versions("1.2.3", "17.0.15+6 (Debian)", "21.0.11+4"), server);
        assertThat(viewModel.appVersion()).isEqualTo("1.2.3");
        assertThat(viewModel.serverProperty().get()).isEqualTo(AboutViewModel.NOT_CONNECTED);

        server.set(new ConnectionService(TestDatabases.seeded()).describe());

        assertThat(viewModel.serverProperty().get()).startsWith("PostgreSQL 17.6 (");
    }
}
