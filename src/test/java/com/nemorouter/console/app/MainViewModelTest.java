package com.nemorouter.console.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import com.nemorouter.console.connection.ConnectionSettings;
import com.nemorouter.console.connection.ConnectionStrings;
import com.nemorouter.console.connection.Database;
import com.nemorouter.console.connection.DemoDatabase;
import com.nemorouter.console.presence.Census;
import com.nemorouter.console.testing.ManualTaskRunner;
import com.nemorouter.console.testing.TestDatabases;
import com.nemorouter.console.ui.SameThreadTaskRunner;
import com.nemorouter.console.ui.TaskRunner;
import com.nemorouter.console.wiring.ConsoleServices;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shell's lost-connection banner, Retry and Cancel, against a server that really stops and restarts. */
class MainViewModelTest {

    @TempDir
    Path dataDirectory;

    private EmbeddedPostgres start(int port) throws IOException {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder().setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false).setServerConfig("fsync", "off")
                .setPGStartupWait(java.time.Duration.ofSeconds(90));
        return (port > 0 ? builder.setPort(port) : builder).start();
    }

    @Test
    void aServerRestartShowsTheBannerAndRetryRecoversWithoutReopening() throws Exception {
        EmbeddedPostgres server = start(0);
        int port = server.getPort();
        try (Connection connection = server.getPostgresDatabase().getConnection()) {
            DemoDatabase.install(connection);
        }
        Database database = Database.open(ConnectionStrings.isolated().resolve(
                "postgresql://postgres@localhost:" + port + "/postgres"),
                ConnectionSettings.DEFAULT.withConnectTimeout(Duration.ofSeconds(1)));
        try {
            ConsoleServices services = ConsoleServices.wire(database);
            SameThreadTaskRunner runner = new SameThreadTaskRunner();
            MainViewModel viewModel = new MainViewModel(runner);
            AtomicInteger reloads = new AtomicInteger();
            viewModel.attach(services.connection(), database.schemaReport(), reloads::incrementAndGet);
            TaskRunner watched = new LostConnectionWatch(runner, viewModel::connectionLost);
            StringBuilder screenError = new StringBuilder();

            server.close();
            watched.run("Counting", services.census()::census, census -> { }, failure -> screenError.append("failed"));

            assertThat(viewModel.connectionLostProperty().get()).isTrue();
            assertThat(viewModel.lostMessageProperty().get()).startsWith("The last action failed: ");
            assertThat(screenError).hasToString("failed");

            viewModel.retry();
            assertThat(viewModel.connectionLostProperty().get()).isTrue();
            assertThat(viewModel.lostMessageProperty().get()).startsWith("Reconnecting failed: ");
            assertThat(reloads).hasValue(0);

            server = start(port);
            viewModel.retry();

            assertThat(viewModel.connectionLostProperty().get()).isFalse();
            assertThat(reloads).hasValue(1);
            assertThat(viewModel.connectionProperty().get()).isEqualTo("Connected: postgres@localhost:" + port + "/postgres");
            assertThat(viewModel.tlsProperty().get()).isEqualTo("not encrypted");
            Census[] census = new Census[1];
            watched.run("Counting", services.census()::census, result -> census[0] = result, failure -> { });
            assertThat(census[0].readyLine()).startsWith("ready: ");
        } finally {
            database.close();
            server.close();
        }
    }

    @Test
    void cancelEverythingCancelsEveryRunningRequest() {
        ManualTaskRunner runner = new ManualTaskRunner();
        MainViewModel viewModel = new MainViewModel(runner);
        List<String> failures = new ArrayList<>();
        runner.run("Searching organizations", () -> "rows", rows -> { }, failure -> failures.add("search"));
        runner.run("Opening organization", () -> "detail", detail -> { }, failure -> failures.add("detail"));

        viewModel.cancelRunning();

        assertThat(viewModel.failureProperty().get()).isEqualTo("Cancelled.");
        assertThat(runner.request(0).isCancelled()).isTrue();
        assertThat(runner.request(1).isCancelled()).isTrue();
        runner.finishAll();
        assertThat(failures).containsExactly("search", "detail");
    }

    @Test
    void cancelWithNothingRunningSaysSo() {
        try (Database database = Database.open(TestDatabases.target(
                TestDatabases.copyOfSeed()))) {
            MainViewModel viewModel = new MainViewModel(new SameThreadTaskRunner());
            viewModel.attach(ConsoleServices.wire(database).connection(), database.schemaReport(), () -> { });

            viewModel.cancelRunning();

            assertThat(viewModel.failureProperty().get()).isEqualTo("Nothing was running on the server.");
            assertThat(viewModel.schemaWarningProperty().get()).isEmpty();
        }
    }
}
