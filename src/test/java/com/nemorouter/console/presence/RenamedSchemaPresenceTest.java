package com.nemorouter.console.presence;

import static com.nemorouter.console.testing.Seed.ACME;
import static com.nemorouter.console.testing.Seed.GHOSTWIRE_NEMO_ONLY;
import static org.assertj.core.api.Assertions.assertThat;

import com.nemorouter.console.wiring.ConsoleServices;
import com.nemorouter.console.connection.Database;
import com.nemorouter.console.connection.SchemaNames;
import com.nemorouter.console.organization.OrganizationDetail;
import com.nemorouter.console.testing.TestDatabases;

import org.junit.jupiter.api.Test;

/** A profile's schema names reach the presence view too: tables are found in the renamed schemas. */
class RenamedSchemaPresenceTest {

    @Test
    void presenceFindsTablesInRenamedSchemasUnderTheirUsualNames() {
        String name = TestDatabases.copyOfSeed();
        TestDatabases.execute(TestDatabases.dataSource(name),
                "alter schema nemo rename to nemo_staging; alter schema auth rename to auth_staging");
        try (Database database = Database.open(TestDatabases.target(name)
                .withSchemas(new SchemaNames("nemo_staging", "public", "auth_staging")))) {
            ConsoleServices services = ConsoleServices.wire(database);
            OrganizationDetail acme = services.organizations().open(ACME).orElseThrow();
            assertThat(acme.presence().rowsIn("nemo", "organizations")).isEqualTo(1);
            assertThat(acme.presence().rowsIn("nemo", "credit_balances")).isEqualTo(1);
            assertThat(acme.presence().rowsIn("public", "LiteLLM_OrganizationTable")).isEqualTo(1);
            assertThat(acme.presence().hasMissingExpected()).isFalse();
            assertThat(acme.presence().entries(Side.SUPABASE)).isNotEmpty();

            OrganizationDetail ghostwire = services.organizations().open(GHOSTWIRE_NEMO_ONLY).orElseThrow();
            assertThat(ghostwire.presence().entries()).filteredOn(entry -> entry.status() == PresenceEntry.Status.MISSING)
                    .extracting(PresenceEntry::table).containsExactly("LiteLLM_OrganizationTable");
        }
    }
}
