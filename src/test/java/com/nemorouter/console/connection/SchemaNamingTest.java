package com.nemorouter.console.connection;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import com.nemorouter.console.persistence.litellm.LiteLlmOrganization;
import com.nemorouter.console.persistence.nemo.NemoOrganization;
import com.nemorouter.console.testing.SchemaVariant;
import com.nemorouter.console.testing.Seed;

import org.junit.jupiter.api.Test;

/** Entities and SQL find the tables where a profile's schema names put them, through the same names. */
class SchemaNamingTest {

    @Test
    void entitiesAndPlaceholdersReadTheRenamedSchemas() {
        SchemaVariant variant = SchemaVariant.NEWEST_RENAMED_SCHEMAS;
        try (Database database = Database.open(variant.target(variant.copyOfSeed()))) {
            String alias = database.read(em -> em.find(LiteLlmOrganization.class, Seed.ACME).getOrganizationAlias());
            String name = database.read(em -> em.find(NemoOrganization.class, UUID.fromString(Seed.ACME)).getName());
            Object viaSql = database.read(em -> em.createNativeQuery(
                    "select n.name from {nemo}.organizations n join {litellm}.\"LiteLLM_OrganizationTable\" l"
                            + " on l.organization_id = n.organization_id::text where l.organization_id = :id")
                    .setParameter("id", Seed.ACME).getSingleResult());

            assertThat(alias).isEqualTo("Acme Robotics");
            assertThat(name).isEqualTo("Acme Robotics");
            assertThat(viaSql).isEqualTo(name);
        }
    }

    @Test
    void anUnknownTableFamilyIsRefusedByName() {
        SchemaNaming naming = new SchemaNaming(new SchemaNames("nemo_prod", "litellm", "auth"));

        assertThat(naming.toPhysicalSchemaName(org.hibernate.boot.model.naming.Identifier.toIdentifier("litellm"), null)
                .getText()).isEqualTo("litellm");
        assertThat(naming.toPhysicalSchemaName(org.hibernate.boot.model.naming.Identifier.toIdentifier("nemo"), null)
                .getText()).isEqualTo("nemo_prod");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> naming.toPhysicalSchemaName(
                        org.hibernate.boot.model.naming.Identifier.toIdentifier("public"), null))
                .hasMessageContaining("'public'");
    }
}
