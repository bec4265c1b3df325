package com.nemorouter.console.persistence;

import static com.nemorouter.console.testing.Seed.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.UUID;

import com.nemorouter.console.connection.Database;
import com.nemorouter.console.connection.SchemaNaming;
import com.nemorouter.console.persistence.litellm.LiteLlmOrganization;
import com.nemorouter.console.persistence.litellm.LiteLlmOrganizationMembership;
import com.nemorouter.console.persistence.litellm.LiteLlmTeam;
import com.nemorouter.console.persistence.litellm.LiteLlmUser;
import com.nemorouter.console.persistence.nemo.NemoOrganization;
import com.nemorouter.console.persistence.nemo.NemoTeam;
import com.nemorouter.console.testing.SchemaVariant;
import com.nemorouter.console.testing.TestDatabases;

import jakarta.persistence.EntityManagerFactory;

import org.hibernate.cfg.AvailableSettings;
import org.hibernate.jpa.HibernatePersistenceConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The entities describe the demo schema exactly: Hibernate's own validation passes against it. */
class EntityMappingTest {

    @ParameterizedTest
    @EnumSource(value = SchemaVariant.class, names = {"NEWEST_DEFAULT_SCHEMAS", "NEWEST_RENAMED_SCHEMAS"})
    void hibernateValidatesEveryEntityAgainstTheSchema(SchemaVariant variant) {
        var target = variant.target(variant.copyOfSeed());
        assertThatCode(() -> {
            try (EntityManagerFactory emf = new HibernatePersistenceConfiguration("validate")
                    .managedClasses(Database.ENTITIES.toArray(Class<?>[]::new))
                    .jdbcUrl(target.jdbcUrl())
                    .jdbcCredentials("postgres", "")
                    .property(AvailableSettings.JAKARTA_HBM2DDL_DATABASE_ACTION, "validate")
                    .property(AvailableSettings.PHYSICAL_NAMING_STRATEGY, new SchemaNaming(target.schemas()))
                    .createEntityManagerFactory()) {
                assertThat(emf.isOpen()).isTrue();
            }
        }).doesNotThrowAnyException();
    }

    @Test
    void readsUuidsTextArraysAndJsonRostersAsStored() {
        Database database = TestDatabases.seeded();
        database.read(em -> {
            NemoOrganization acme = em.find(NemoOrganization.class, UUID.fromString(ACME));
            assertThat(acme.getName()).isEqualTo("Acme Robotics");
            LiteLlmOrganization liteAcme = em.find(LiteLlmOrganization.class, ACME);
            assertThat(liteAcme.getOrganizationAlias()).isEqualTo("Acme Robotics");
            assertThat(liteAcme.getBudgetId()).isNotBlank();

            LiteLlmTeam platform = em.find(LiteLlmTeam.class, ACME_PLATFORM_TEAM);
            assertThat(platform.getMembersWithRoles().isArray()).isTrue();
            assertThat(platform.getMembersWithRoles().get(0).get("role").asText()).isEqualTo("admin");
            LiteLlmTeam sandbox = em.find(LiteLlmTeam.class, SANDBOX_TEAM_EMPTY_OBJECT);
            assertThat(sandbox.getMembersWithRoles().isObject()).isTrue();
            assertThat(sandbox.getMembersWithRoles().size()).isZero();

            NemoTeam dataScience = em.find(NemoTeam.class, UUID.fromString(DATA_SCIENCE_TEAM_ORG_MISMATCH));
            assertThat(dataScience.getOrganizationId()).hasToString(BLUE_HARBOR);

            LiteLlmUser dana = em.find(LiteLlmUser.class, DANA_TEAMS_ARRAY_DRIFT);
            assertThat(dana.getTeams()).isEmpty();
            LiteLlmUser rory = em.find(LiteLlmUser.class, ROGUE_MEMBER_NOT_IN_ORG);
            assertThat(rory.getTeams()).contains(FLEET_OPS_TEAM);

            LiteLlmOrganizationMembership uma = em.find(LiteLlmOrganizationMembership.class,
                    new LiteLlmOrganizationMembership.Key(UMA_UPPERCASE_LITELLM_ID, CEDAR_POINT));
            assertThat(uma).isNotNull();
            return null;
        });
    }
}
