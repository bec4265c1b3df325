package com.nemorouter.console.persistence;

import static com.nemorouter.console.testing.Seed.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.nemorouter.console.connection.Database;
import com.nemorouter.console.persistence.auth.AuthUser;
import com.nemorouter.console.persistence.litellm.LiteLlmOrganization;
import com.nemorouter.console.persistence.litellm.LiteLlmOrganizationMembership;
import com.nemorouter.console.persistence.litellm.LiteLlmTeam;
import com.nemorouter.console.persistence.litellm.LiteLlmUser;
import com.nemorouter.console.persistence.litellm.LiteLlmVerificationToken;
import com.nemorouter.console.persistence.nemo.NemoOrganization;
import com.nemorouter.console.persistence.nemo.NemoTeam;
import com.nemorouter.console.testing.SchemaVariant;

import jakarta.persistence.EntityManager;

import org.hibernate.Hibernate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The associations of the entity model follow the one-UUID rule on the demo data: each side reaches the other
 * through the shared id itself, in a counted number of statements, and the seed's drift loads as absence, never as
 * an exception. Default and renamed schemas (LiteLLM in {@code litellm}, nemo in {@code nemo_prod}).
 */
@ParameterizedClass
@EnumSource(value = SchemaVariant.class, names = {"NEWEST_DEFAULT_SCHEMAS", "V0_4_64_RENAMED_SCHEMAS"})
class EntityAssociationTest {

    private static final Map<SchemaVariant, Database> DATABASES = new EnumMap<>(SchemaVariant.class);

    @Parameter
    SchemaVariant variant;

    private Database database;

    @BeforeEach
    void connect() {
        database = DATABASES.computeIfAbsent(variant, v -> Database.open(v.target(v.copyOfSeed())));
    }

    @AfterAll
    static void close() {
        DATABASES.values().forEach(Database::close);
        DATABASES.clear();
    }

    @Test
    void anOrganizationReachesItsLiteLlmTwinItsTeamsOnBothSidesAndItsMembersThroughTheSharedUuid() {
        database.read(em -> {
            long before = statements();
            NemoOrganization acme = em.createQuery("""
                    select n from NemoOrganization n left join fetch n.liteLlm
                    left join fetch n.teams t left join fetch t.liteLlm
                    where n.organizationId = :id""", NemoOrganization.class)
                    .setParameter("id", UUID.fromString(ACME)).getSingleResult();
            assertThat(statements() - before).as("the org, its twin, its nemo teams and theirs").isEqualTo(1);

            LiteLlmOrganization twin = acme.getLiteLlm().orElseThrow();
            assertThat(twin.getOrganizationId()).isEqualTo(acme.getOrganizationId().toString()).isEqualTo(ACME);
            assertThat(acme.getTeams()).hasSize(ACME_TEAMS).allSatisfy(team -> {
                assertThat(team.getOrganization()).isSameAs(acme);
                assertThat(team.getLiteLlm().orElseThrow().getTeamId()).isEqualTo(team.getTeamId().toString());
            });

            Hibernate.initialize(twin.getTeams());
            assertThat(twin.getTeams()).extracting(LiteLlmTeam::getTeamId).containsExactlyInAnyOrderElementsOf(
                    acme.getTeams().stream().map(team -> team.getTeamId().toString()).toList());
            assertThat(statements() - before).as("plus LiteLLM's teams").isEqualTo(2);

            List<LiteLlmOrganizationMembership> members = em.createQuery("""
                    select m from LiteLlmOrganizationMembership m join fetch m.user u left join fetch u.authUser
                    where m.organization = :org""", LiteLlmOrganizationMembership.class)
                    .setParameter("org", twin).getResultList();
            assertThat(statements() - before).as("plus the members with their auth users").isEqualTo(3);
            assertThat(members).hasSize(ACME_MEMBERS).allSatisfy(member -> {
                assertThat(member.getOrganization()).isSameAs(twin);
                AuthUser auth = member.getUser().getAuthUser().orElseThrow();
                assertThat(auth.getId()).hasToString(member.getUserId());
            });
            return null;
        });
    }

    @Test
    void aTeamReachesItsTwinAndEachSidesOrganizationEvenWhenTheyDiffer() {
        database.read(em -> {
            NemoTeam dataScience = em.find(NemoTeam.class, UUID.fromString(DATA_SCIENCE_TEAM_ORG_MISMATCH));
            assertThat(dataScience.getOrganization().getOrganizationId()).hasToString(BLUE_HARBOR);
            LiteLlmTeam twin = dataScience.getLiteLlm().orElseThrow();
            assertThat(twin.getOrganization().getOrganizationId()).isEqualTo(CEDAR_POINT);

            NemoTeam platform = em.find(NemoTeam.class, UUID.fromString(ACME_PLATFORM_TEAM));
            assertThat(platform.getLiteLlm().orElseThrow().getOrganization().getOrganizationId())
                    .isEqualTo(platform.getOrganization().getOrganizationId().toString());
            return null;
        });
    }

    @Test
    void driftLoadsAsAbsenceWithoutExceptions() {
        database.read(em -> {
            long before = statements();
            NemoOrganization ghostwire = em.createQuery("""
                    select n from NemoOrganization n left join fetch n.liteLlm
                    left join fetch n.teams t left join fetch t.liteLlm
                    where n.organizationId = :id""", NemoOrganization.class)
                    .setParameter("id", UUID.fromString(GHOSTWIRE_NEMO_ONLY)).getSingleResult();
            assertThat(ghostwire.getLiteLlm()).as("a nemo org with no LiteLLM twin").isEmpty();
            assertThat(ghostwire.getTeams()).singleElement().satisfies(team -> {
                assertThat(team.getTeamId()).hasToString(GHOSTWIRE_CORE_TEAM);
                assertThat(team.getLiteLlm()).isEmpty();
            });
            assertThat(statements() - before).as("a missing twin costs no second statement").isEqualTo(1);

            assertThat(em.find(LiteLlmTeam.class, LEGACY_TEAM).getOrganization().getOrganizationId())
                    .isEqualTo(LEGACY_LITELLM_ONLY);

            before = statements();
            LiteLlmUser upper = user(em, UMA_UPPERCASE_LITELLM_ID);
            assertThat(upper.getAuthUser()).as("an uppercase LiteLLM id is not its auth user's id").isEmpty();
            assertThat(statements() - before).isEqualTo(1);
            assertThat(em.find(LiteLlmUser.class, UMA_AUTH_ID)).isNull();
            assertThat(em.find(AuthUser.class, UUID.fromString(UMA_AUTH_ID))).isNotNull();

            LiteLlmUser proxyAdmin = user(em, "default_user_id");
            assertThat(proxyAdmin.getAuthUser()).as("LiteLLM's own ids join nothing, without a failed cast").isEmpty();

            LiteLlmUser rory = user(em, ROGUE_MEMBER_NOT_IN_ORG);
            assertThat(rory.getAuthUser()).map(AuthUser::getId).hasValue(UUID.fromString(ROGUE_MEMBER_NOT_IN_ORG));
            return null;
        });
    }

    @Test
    void aKeyReachesItsTeamAndItsUserInOneStatement() {
        database.read(em -> {
            long before = statements();
            LiteLlmVerificationToken key = em.createQuery("""
                    select k from LiteLlmVerificationToken k left join fetch k.team left join fetch k.user u
                    left join fetch u.authUser where k.teamId = :team""", LiteLlmVerificationToken.class)
                    .setParameter("team", ACME_PLATFORM_TEAM).setMaxResults(1).getSingleResult();
            assertThat(key.getTeam().getTeamId()).isEqualTo(ACME_PLATFORM_TEAM);
            assertThat(key.getUser().getUserId()).isEqualTo(key.getUserId());
            assertThat(key.getUser().getAuthUser()).map(auth -> auth.getId().toString()).hasValue(key.getUserId());
            assertThat(statements() - before).isEqualTo(1);
            return null;
        });
    }

    private static LiteLlmUser user(EntityManager em, String id) {
        return em.createQuery("select u from LiteLlmUser u left join fetch u.authUser where u.userId = :id",
                LiteLlmUser.class).setParameter("id", id).getSingleResult();
    }

    private long statements() {
        return database.statistics().getPrepareStatementCount();
    }
}
