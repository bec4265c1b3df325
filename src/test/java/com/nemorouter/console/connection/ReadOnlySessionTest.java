package com.nemorouter.console.connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nemorouter.console.testing.Seed;
import com.nemorouter.console.testing.TestDatabases;

import org.junit.jupiter.api.Test;

/** A read-only profile: every transaction is READ ONLY on the server, so a write is refused and rolled back. */
class ReadOnlySessionTest {

    @Test
    void writesAreRefusedByTheServerAndNothingChanges() {
        String name = TestDatabases.copyOfSeed();
        try (Database database = Database.open(TestDatabases.target(name),
                ConnectionSettings.DEFAULT.withReadOnly(true))) {
            assertThatThrownBy(() -> database.write(em -> em.createNativeQuery(
                    "update nemo.organizations set name = 'renamed' where organization_id = cast(:id as uuid)")
                    .setParameter("id", Seed.ACME).executeUpdate()))
                    .satisfies(e -> assertThat(FailureMessages.describe("Renaming", e))
                            .isEqualTo("Renaming failed: The session is read-only, so nothing was written."));

            Object acme = database.read(em -> em.createNativeQuery(
                    "select name from nemo.organizations where organization_id = cast(:id as uuid)")
                    .setParameter("id", Seed.ACME).getSingleResult());
            assertThat(acme).isEqualTo("Acme Robotics");
        }
    }
}
