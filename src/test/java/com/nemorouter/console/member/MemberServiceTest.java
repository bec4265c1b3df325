package com.nemorouter.console.member;

import static com.nemorouter.console.testing.Seed.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.nemorouter.console.connection.Database;
import com.nemorouter.console.connection.RowSecurity;
import com.nemorouter.console.wiring.ConsoleServices;
import com.nemorouter.console.presence.IdKind;
import com.nemorouter.console.presence.PresenceEntry;
import com.nemorouter.console.presence.PresenceQuery;
import com.nemorouter.console.presence.PresenceReport;
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
        assertThat(service.teams(benDiaz)).extracting(MemberDetail.Team::teamId).contains(ACME_PLATFORM_TEAM);
        assertThat(service.teams(benDiaz)).allMatch(MemberDetail.Team::inUserTeams);
        assertThat(ben.userTeams()).contains(ACME_PLATFORM_TEAM);
        assertThat(ben.keyCount()).isPositive();
        assertThat(ben.presence().hasMissingExpected()).isFalse();
    }

    @Test
    void rosterEntryMissingFromTheUsersTeamsArrayIsMarked() {
        MemberDetail dana = service.open(DANA_TEAMS_ARRAY_DRIFT).orElseThrow();
        assertThat(dana.userTeams()).isEmpty();
        assertThat(service.teams(DANA_TEAMS_ARRAY_DRIFT)).singleElement().satisfies(team -> {
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
        // The roster scan (it was the fourth) streams in after: its own call, one statement.
        assertThat(dana).as("presence, the user with auth and keys, orgs").isLessThanOrEqualTo(3);
        assertThat(statementsFor(() -> service.teams(DANA_TEAMS_ARRAY_DRIFT))).isEqualTo(1);
        long authOnly = statementsFor(() -> service.open(UMA_AUTH_ID));
        assertThat(authOnly).as("a user LiteLLM lacks reads auth and the key count apart").isEqualTo(dana + 1);
        assertThat(statementsFor(() -> service.open("00000000-0000-4000-8000-00000000ffff")))
                .as("found nowhere by the complete count: nothing more is read").isEqualTo(1);
    }

    /** With every unindexed column streamed (a cheap limit of 0) the two parts count what one full count does. */
    @Test
    void theCheapAndTheStreamedPresenceTogetherCountWhatTheFullCountDoes() {
        Database database = TestDatabases.seeded();
        PresenceQuery split = new PresenceQuery(PresenceQuery.DEFAULT_UNINDEXED_SCAN_LIMIT, 0, "nemo", "auth", "public",
                RowSecurity.NONE);
        MemberService splitting = new MemberService(database, split);
        String benDiaz = database.read(em -> (String) em.createNativeQuery(
                "select id::text from auth.users where email = 'ben.diaz@acme.example'").getSingleResult());
        for (String user : List.of(benDiaz, DANA_TEAMS_ARRAY_DRIFT, UMA_UPPERCASE_LITELLM_ID, UMA_AUTH_ID, "default_user_id")) {
            PresenceReport first = splitting.open(user).orElseThrow().presence();
            PresenceReport rest = splitting.presenceRest(user);
            assertThat(first.pending()).as(user).extracting(PresenceEntry::key)
                    .contains("public.LiteLLM_TeamTable.members_with_roles")
                    .doesNotContain("auth.users.id", "public.LiteLLM_UserTable.user_id",
                            "public.LiteLLM_OrganizationMembership.user_id");
            assertThat(first.withCounts(rest)).as(user)
                    .isEqualTo(database.read(em -> split.find(em, IdKind.USER, user)));
            assertThat(splitting.teams(user)).isEqualTo(service.teams(user));
        }
        assertThat(statementsFor(() -> splitting.presenceRest(DANA_TEAMS_ARRAY_DRIFT))).isEqualTo(1);
    }

    /** An id only a large table holds: the first read cannot tell yet, so it returns the user with counts pending. */
    @Test
    void anIdFoundOnlyInAStreamedTableIsNotReportedMissingBeforeItIsCounted() {
        String copy = TestDatabases.copyOfSeed();
        String spendOnly = "spend-only-user";
        TestDatabases.execute(TestDatabases.dataSource(copy), """
                insert into "LiteLLM_SpendLogs" (request_id, call_type, api_key, "startTime", "endTime", "user")
                values ('spend-only-request', 'acompletion', '', now(), now(), 'spend-only-user')""");
        try (Database database = Database.open(TestDatabases.target(copy))) {
            MemberService splitting = new MemberService(database, new PresenceQuery(
                    PresenceQuery.DEFAULT_UNINDEXED_SCAN_LIMIT, 0, "nemo", "auth", "public", RowSecurity.NONE));
            MemberDetail first = splitting.open(spendOnly).orElseThrow();
            assertThat(first.presence().foundAnywhere()).isFalse();
            assertThat(first.presence().isComplete()).isFalse();
            assertThat(first.presence().withCounts(splitting.presenceRest(spendOnly)).rowsIn("public", "LiteLLM_SpendLogs"))
                    .isEqualTo(1);
            // With everything counted at once, the same id is found too (the split changes when, not what).
            assertThat(ConsoleServices.wire(database).members().open(spendOnly)).isPresent();
        }
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
