package com.nemorouter.console.persistence;

import static com.nemorouter.console.testing.Seed.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumMap;
import java.util.Map;

import com.nemorouter.console.wiring.ConsoleServices;
import com.nemorouter.console.connection.Database;
import com.nemorouter.console.integrity.KeyResolution;
import com.nemorouter.console.integrity.KeyService;
import com.nemorouter.console.member.MemberDetail;
import com.nemorouter.console.organization.OrganizationDetail;
import com.nemorouter.console.presence.Presence;
import com.nemorouter.console.testing.SchemaVariant;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The screens that show one entity (organization header, member, roster) read through the entity model in
 * every schema layout: the naming strategy puts the entities where the configured names say, and the
 * associations' join formulas stay inside the tables they join. Also a key naming a team and a user LiteLLM no
 * longer has (its columns have no foreign keys): it resolves, with both marked missing.
 */
@ParameterizedClass
@EnumSource(SchemaVariant.class)
class ScreensThroughEntitiesTest {

    private static final String ORPHAN_KEY = "sk-orphan-key";
    private static final Map<SchemaVariant, ConsoleServices> SERVICES = new EnumMap<>(SchemaVariant.class);

    @Parameter
    SchemaVariant variant;

    private ConsoleServices services;

    @BeforeEach
    void connect() {
        services = SERVICES.computeIfAbsent(variant, v -> {
            String name = v.copyOfSeed();
            v.sql(name).execute("""
                    insert into {litellm}."LiteLLM_VerificationToken" (token, key_alias, team_id, user_id)
                    values ('%s', 'orphan', 'team-deleted-long-ago', 'user-deleted-long-ago')
                    """.formatted(KeyService.tokenHash(ORPHAN_KEY)));
            return ConsoleServices.wire(Database.open(v.target(name)));
        });
    }

    @AfterAll
    static void close() {
        SERVICES.values().forEach(services -> services.database().close());
        SERVICES.clear();
    }

    @Test
    void organizationHeaderShowsBothSidesOrTheMissingOne() {
        OrganizationDetail acme = services.organizations().open(ACME).orElseThrow();
        assertThat(acme.nemoName()).isEqualTo("Acme Robotics");
        assertThat(acme.slug()).isEqualTo("acme-robotics");
        assertThat(acme.plan()).isEqualTo("enterprise");
        assertThat(acme.liteLlmAlias()).isEqualTo("Acme Robotics");
        assertThat(acme.authContextOrgId()).isEqualTo(ACME);
        assertThat(services.organizations().open(GHOSTWIRE_NEMO_ONLY).orElseThrow().corePresence())
                .isEqualTo(Presence.NEMO_ONLY);
        assertThat(services.organizations().open(LEGACY_LITELLM_ONLY).orElseThrow().corePresence())
                .isEqualTo(Presence.LITELLM_ONLY);
        assertThat(services.organizations().open(ACME.toUpperCase(java.util.Locale.ROOT)))
                .as("another spelling of the UUID names neither side's row").isEmpty();
    }

    @Test
    void memberReadsTheLiteLlmUserWithTheAuthUserOfExactlyItsId() {
        MemberDetail rory = services.members().open(ROGUE_MEMBER_NOT_IN_ORG).orElseThrow();
        assertThat(rory.inAuth()).isTrue();
        assertThat(rory.inLiteLlm()).isTrue();
        assertThat(rory.userTeams()).contains(FLEET_OPS_TEAM);
        assertThat(rory.organizations()).extracting(MemberDetail.Organization::organizationId).contains(CEDAR_POINT);

        MemberDetail upper = services.members().open(UMA_UPPERCASE_LITELLM_ID).orElseThrow();
        assertThat(upper.inLiteLlm()).isTrue();
        assertThat(upper.inAuth()).isFalse();
        MemberDetail lower = services.members().open(UMA_AUTH_ID).orElseThrow();
        assertThat(lower.inAuth()).isTrue();
        assertThat(lower.inLiteLlm()).isFalse();
        assertThat(lower.authEmail()).isNotBlank();
    }

    @Test
    void keyResolvesWithItsTeamAndBothOrganizations() {
        KeyResolution key = services.keys().resolve(DEMO_KEY_WITH_ORG).orElseThrow();
        assertThat(key.healthy()).isTrue();
        assertThat(key.orgId()).isEqualTo(ACME);
        assertThat(key.teamId()).isEqualTo(ACME_PLATFORM_TEAM);
    }

    @Test
    void aKeyWhoseTeamAndUserAreGoneResolvesWithBothMissing() {
        KeyResolution orphan = services.keys().resolve(ORPHAN_KEY).orElseThrow();
        assertThat(orphan.teamId()).isEqualTo("team-deleted-long-ago");
        assertThat(orphan.teamInLiteLlm()).isFalse();
        assertThat(orphan.teamInNemo()).isFalse();
        assertThat(orphan.userRole()).isNull();
        assertThat(orphan.orgId()).isNull();
        assertThat(orphan.orgSource()).isEqualTo("none");
        assertThat(orphan.healthy()).isFalse();
    }

    @Test
    void rosterChecksEachEntryAgainstTheOtherCopies() {
        assertThat(services.teams().roster(FLEET_OPS_TEAM)).filteredOn(entry -> !entry.problems().isEmpty())
                .extracting(entry -> entry.userId())
                .containsExactlyInAnyOrder(ROGUE_MEMBER_NOT_IN_ORG, DANA_TEAMS_ARRAY_DRIFT);
    }
}
