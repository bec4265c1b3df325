package com.nemorouter.console.connection;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

class ConsoleHomeTest {

    @Test
    void thePropertyWinsOverTheEnvironmentVariable() {
        assertThat(ConsoleHome.resolve("/tmp/from-property", "/tmp/from-env", "/home/ada").directory())
                .isEqualTo(Path.of("/tmp/from-property"));
    }

    @Test
    void theEnvironmentVariableMovesTheHomeForTheInstalledLauncher() {
        ConsoleHome home = ConsoleHome.resolve(null, "/tmp/from-env", "/home/ada");
        assertThat(home.directory()).isEqualTo(Path.of("/tmp/from-env"));
        assertThat(home.demoDataDirectory()).isEqualTo(Path.of("/tmp/from-env/demo"));
    }

    @Test
    void blankOverridesFallBackToTheUsersHome() {
        assertThat(ConsoleHome.resolve(" ", "", "/home/ada").directory()).isEqualTo(Path.of("/home/ada/.nemo-console"));
    }
}
