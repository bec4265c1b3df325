package com.nemorouter.console.connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import com.nemorouter.console.presence.CensusService;
import com.nemorouter.console.testing.Seed;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoDatabaseTest {

    @TempDir
    Path home;

    @Test
    void seedsOnFirstStartKeepsChangesBetweenRunsAndResetsOnRequest() {
        Path dataDirectory = home.resolve("demo");
        try (DemoDatabase demo = DemoDatabase.start(dataDirectory, false);
             Database database = Database.open(demo.target())) {
            assertThat(new CensusService(database).census().organizations()).isEqualTo(Seed.ORGANIZATIONS);
            database.write(em -> em.createNativeQuery(
                    "insert into nemo.organizations (organization_id, name, slug) "
                            + "values ('11111111-2222-4333-8444-555555555555', 'Kept Between Runs', 'kept')")
                    .executeUpdate());
        }
        try (DemoDatabase demo = DemoDatabase.start(dataDirectory, false);
             Database database = Database.open(demo.target())) {
            assertThat(new CensusService(database).census().organizations()).isEqualTo(Seed.ORGANIZATIONS + 1);
        }
        try (DemoDatabase demo = DemoDatabase.start(dataDirectory, true);
             Database database = Database.open(demo.target())) {
            assertThat(new CensusService(database).census().organizations()).isEqualTo(Seed.ORGANIZATIONS);
            assertThat(demo.target().isDemo()).isTrue();
        }
    }

    @Test
    void aDirectoryServedByAnotherConsoleIsRefusedAtOnceWithTheProcess() {
        Path dataDirectory = home.resolve("demo");
        try (DemoDatabase first = DemoDatabase.start(dataDirectory, false)) {
            assertThat(first.port()).isPositive();
            assertThatThrownBy(() -> DemoDatabase.start(dataDirectory, true))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("is in use by PostgreSQL process")
                    .hasMessageContaining("most likely another Nemo Console");
            assertThat(dataDirectory.resolve("PG_VERSION")).as("--reset-demo deleted nothing").exists();
        }
    }
}
