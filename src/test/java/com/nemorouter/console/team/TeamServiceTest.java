package com.nemorouter.console.team;

import static com.nemorouter.console.testing.Seed.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.nemorouter.console.wiring.ConsoleServices;
import com.nemorouter.console.testing.TestDatabases;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TeamServiceTest {

    private static TeamService service;

    @BeforeAll
    static void connect() {
        service = ConsoleServices.wire(TestDatabases.seeded()).teams();
    }

    @Test
    void consistentRosterHasNoProblemsAndAnAdminFirst() {
        List<RosterEntry> platform = service.roster(ACME_PLATFORM_TEAM);
        assertThat(platform).hasSize(5).allMatch(entry -> entry.problems().isEmpty());
        assertThat(platform.get(0).role()).isEqualTo("admin");
        assertThat(platform.get(0).email()).isEqualTo("ben.diaz@acme.example");
    }

    @Test
    void rosterMarksAMemberOutsideTheOrgAndAMissingTeamsEntry() {
        List<RosterEntry> fleetOps = service.roster(FLEET_OPS_TEAM);
        RosterEntry rogue = entry(fleetOps, ROGUE_MEMBER_NOT_IN_ORG);
        assertThat(rogue.inOrganization()).isFalse();
        assertThat(rogue.inUserTeams()).isTrue();
        assertThat(rogue.problems()).containsExactly("not a member of the team's org");
        RosterEntry dana = entry(fleetOps, DANA_TEAMS_ARRAY_DRIFT);
        assertThat(dana.inUserTeams()).isFalse();
        assertThat(dana.hasTeamMembership()).isTrue();
        assertThat(dana.inOrganization()).isTrue();
        assertThat(dana.problems()).containsExactly("user's teams[] lacks this team");
        assertThat(fleetOps).filteredOn(entry -> !entry.problems().isEmpty()).hasSize(2);
    }

    @Test
    void aRosterIsOneStatementWhateverItsSize() {
        var statistics = TestDatabases.seeded().statistics();
        long before = statistics.getPrepareStatementCount();
        assertThat(service.roster(ACME_PLATFORM_TEAM)).hasSize(5);
        assertThat(statistics.getPrepareStatementCount() - before).isEqualTo(1);
    }

    @Test
    void rosterStoredAsAnEmptyObjectReadsAsEmpty() {
        assertThat(service.roster(SANDBOX_TEAM_EMPTY_OBJECT)).isEmpty();
    }

    private static RosterEntry entry(List<RosterEntry> roster, String userId) {
        return roster.stream().filter(entry -> userId.equals(entry.userId())).findFirst().orElseThrow();
    }
}
