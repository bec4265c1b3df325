package com.nemorouter.console.member;

import static com.nemorouter.console.testing.Seed.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.nemorouter.console.wiring.ConsoleServices;
import com.nemorouter.console.presence.PresenceEntry;
import com.nemorouter.console.testing.TestDatabases;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class MemberServiceTest {

    private static MemberService service;

    @BeforeAll
    static void connect() {
        service = ConsoleServices.wire(TestDatabases.seeded()).members();
    }

    @Test
    void consistentUserIsPresentOnBothSidesWithOrgsTeamsAndKeys() {
        String benDiaz = TestDatabases.seeded().read(em -> (String) em.createNativeQuery(
                "select id::text from auth.users where email = 'ben.diaz@acme.example'").getSingleResult());
        MemberDetail ben = service.open(benDiaz).orElseThrow();
        assertThat(ben.inAuth()).isTrue();
        assertThat(ben.inLiteLlm()).isTrue();
        assertThat(ben.email()).isEqualTo("ben.diaz@acme.example");
        assertThat(ben.organizations()).extracting(MemberDetail.Organization::organizationId).contains(ACME);
        assertThat(ben.teams()).extracting(MemberDetail.Team::teamId).contains(ACME_PLATFORM_TEAM);
        assertThat(ben.teams()).allMatch(MemberDetail.Team::inUserTeams);
        assertThat(ben.userTeams()).contains(ACME_PLATFORM_TEAM);
        assertThat(ben.keyCount()).isPositive();
        assertThat(ben.presence().hasMissingExpected()).isFalse();
    }

    @Test
    void rosterEntryMissingFromTheUsersTeamsArrayIsMarked() {
        MemberDetail dana = service.open(DANA_TEAMS_ARRAY_DRIFT).orElseThrow();
        assertThat(dana.userTeams()).isEmpty();
        assertThat(dana.teams()).singleElement().satisfies(team -> {
            assertThat(team.teamId()).isEqualTo(FLEET_OPS_TEAM);
            assertThat(team.inUserTeams()).isFalse();
        });
    }

    @Test
    void lowercaseAuthIdOfAnUppercaseLiteLlmUserIsMissingInLiteLlm() {
        MemberDetail uma = service.open(UMA_AUTH_ID).orElseThrow();
        assertThat(uma.inAuth()).isTrue();
        assertThat(uma.inLiteLlm()).isFalse();
        assertThat(uma.presence().entries()).filteredOn(entry -> entry.status() == PresenceEntry.Status.MISSING)
                .extracting(PresenceEntry::table).containsExactly("LiteLLM_UserTable");
        assertThat(uma.organizations()).isEmpty();

        assertThat(uma.nonCanonicalUuid()).isFalse();

        MemberDetail upper = service.open(UMA_UPPERCASE_LITELLM_ID).orElseThrow();
        assertThat(upper.inAuth()).isFalse();
        assertThat(upper.nonCanonicalUuid()).isTrue();
        assertThat(upper.presence().rowsIn("auth", "users")).as("a uuid column matches any spelling").isEqualTo(1);
        assertThat(upper.inLiteLlm()).isTrue();
        assertThat(upper.organizations()).extracting(MemberDetail.Organization::organizationId).containsExactly(CEDAR_POINT);
    }

    @Test
    void nonUuidLiteLlmUserIsFoundWithoutTouchingUuidColumns() {
        MemberDetail defaultUser = service.open("default_user_id").orElseThrow();
        assertThat(defaultUser.inLiteLlm()).isTrue();
        assertThat(defaultUser.inAuth()).isFalse();
        assertThat(defaultUser.globalRole()).isEqualTo("proxy_admin");
        assertThat(defaultUser.nonCanonicalUuid()).isFalse();
    }

    @Test
    void openingAMemberCostsTheSameBoundedStatementsWhateverTheirOrgsAndTeams() {
        service.open(DANA_TEAMS_ARRAY_DRIFT);
        long dana = statementsFor(() -> service.open(DANA_TEAMS_ARRAY_DRIFT));
        long rory = statementsFor(() -> service.open(ROGUE_MEMBER_NOT_IN_ORG));
        long proxyAdmin = statementsFor(() -> service.open("default_user_id"));
        assertThat(rory).isEqualTo(dana);
        assertThat(proxyAdmin).isEqualTo(dana);
        assertThat(dana).as("presence, the user with auth and keys, orgs, teams").isLessThanOrEqualTo(4);
        long authOnly = statementsFor(() -> service.open(UMA_AUTH_ID));
        assertThat(authOnly).as("a user LiteLLM lacks reads auth and the key count apart").isEqualTo(dana + 1);
    }

    private static long statementsFor(Runnable action) {
        var statistics = TestDatabases.seeded().statistics();
        long before = statistics.getPrepareStatementCount();
        action.run();
        return statistics.getPrepareStatementCount() - before;
    }

    @Test
    void unknownUserIsEmpty() {
        assertThat(service.open("00000000-0000-4000-8000-00000000ffff")).isEmpty();
    }
}
