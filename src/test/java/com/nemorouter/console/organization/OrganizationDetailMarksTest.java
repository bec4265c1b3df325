package com.nemorouter.console.organization;

import static com.nemorouter.console.testing.Seed.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.nemorouter.console.wiring.ConsoleServices;
import com.nemorouter.console.member.MemberDetail;
import com.nemorouter.console.member.MemberRow;
import com.nemorouter.console.member.MemberViewModel;
import com.nemorouter.console.membership.MembershipEditing;
import com.nemorouter.console.membership.UserSearchService;
import com.nemorouter.console.presence.Mark;
import com.nemorouter.console.presence.Marked;
import com.nemorouter.console.presence.Presence;
import com.nemorouter.console.team.RosterEntry;
import com.nemorouter.console.team.TeamRow;
import com.nemorouter.console.testing.TestDatabases;
import com.nemorouter.console.ui.SameThreadTaskRunner;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The typed status the organization screen's view model exposes, beside the text the user reads, on the seeded drift. */
class OrganizationDetailMarksTest {

    private static ConsoleServices services;

    @BeforeAll
    static void connect() {
        services = ConsoleServices.wire(TestDatabases.seeded());
    }

    private static OrganizationDetailViewModel opened(String organizationId) {
        SameThreadTaskRunner tasks = new SameThreadTaskRunner();
        OrganizationDetailViewModel viewModel = new OrganizationDetailViewModel(services.organizations(),
                services.teams(), tasks,
                new MembershipEditing(services.membership(), new UserSearchService(services.database()), tasks));
        // As with the Members tab showing: the member list is read only then.
        viewModel.membersShownProperty().set(true);
        viewModel.open(organizationId);
        assertThat(viewModel.errorProperty().get()).isEmpty();
        return viewModel;
    }

    @Test
    void aCleanOrganizationIsOkEverywhere() {
        OrganizationDetailViewModel viewModel = opened(ACME);
        OrganizationDetail detail = viewModel.detailProperty().get();
        assertThat(OrganizationMarks.nemoName(detail)).isEqualTo(new Marked("Acme Robotics", Mark.OK));
        assertThat(OrganizationMarks.liteLlmAlias(detail)).isEqualTo(new Marked("Acme Robotics", Mark.OK));
        assertThat(OrganizationMarks.backend(detail).mark()).isEqualTo(Mark.OK);
        assertThat(OrganizationMarks.backend(detail).text())
                .isEqualTo("AuthContext.org_id = " + ACME + " (read from row[\"organization_id\"])");
        assertThat(viewModel.teamRows()).hasSize(ACME_TEAMS).allSatisfy(team -> {
            assertThat(team.presenceText()).isEqualTo("✔ both");
            assertThat(team.presenceMark()).isEqualTo(Mark.OK);
            assertThat(viewModel.teamOrganization(team.nemoOrganizationId())).isEqualTo(new Marked("this org", Mark.OK));
            assertThat(viewModel.teamOrganization(team.liteLlmOrganizationId())).isEqualTo(new Marked("this org", Mark.OK));
        });
        assertThat(viewModel.memberRows()).hasSize(ACME_MEMBERS).extracting(member -> member.authMatch().mark())
                .containsOnly(Mark.OK);
        viewModel.selectedTeamProperty().set(viewModel.teamRows().get(0));
        assertThat(viewModel.roster()).isNotEmpty().extracting(RosterEntry::status, RosterEntry::mark)
                .containsOnly(org.assertj.core.groups.Tuple.tuple("✔ consistent", Mark.OK));
    }

    @Test
    void anOrganizationMissingOnOneSideMarksThatSideMissing() {
        OrganizationDetail legacy = opened(LEGACY_LITELLM_ONLY).detailProperty().get();
        assertThat(OrganizationMarks.nemoName(legacy))
                .isEqualTo(new Marked("✘ MISSING in nemo.organizations", Mark.MISSING));
        assertThat(OrganizationMarks.liteLlmAlias(legacy)).isEqualTo(new Marked("Legacy Proxy Tenant", Mark.OK));

        OrganizationDetailViewModel ghostwire = opened(GHOSTWIRE_NEMO_ONLY);
        OrganizationDetail detail = ghostwire.detailProperty().get();
        assertThat(OrganizationMarks.liteLlmAlias(detail))
                .isEqualTo(new Marked("✘ MISSING in LiteLLM_OrganizationTable", Mark.MISSING));
        assertThat(OrganizationMarks.backend(detail)).isEqualTo(new Marked(
                "No LiteLLM organization: no key can resolve to AuthContext.org_id " + GHOSTWIRE_NEMO_ONLY, Mark.MISSING));
        TeamRow core = ghostwire.teamRows().stream().filter(team -> team.id().equals(GHOSTWIRE_CORE_TEAM))
                .findFirst().orElseThrow();
        assertThat(core.presenceText()).isEqualTo("⚠ nemo only");
        assertThat(core.presenceMark()).isEqualTo(Mark.PARTIAL);
        assertThat(ghostwire.teamOrganization(core.liteLlmOrganizationId())).isEqualTo(new Marked("✘ none", Mark.MISSING));
    }

    @Test
    void aTeamWhoseOrganizationDiffersAndItsRosterDriftAreMarkedDrift() {
        OrganizationDetailViewModel viewModel = opened(BLUE_HARBOR);
        TeamRow dataScience = viewModel.teamRows().stream()
                .filter(team -> team.id().equals(DATA_SCIENCE_TEAM_ORG_MISMATCH)).findFirst().orElseThrow();
        assertThat(dataScience.presenceText()).isEqualTo("✘ org differs");
        assertThat(dataScience.presenceMark()).isEqualTo(Mark.DRIFT);
        assertThat(viewModel.teamOrganization(dataScience.nemoOrganizationId())).isEqualTo(new Marked("this org", Mark.OK));
        assertThat(viewModel.teamOrganization(dataScience.liteLlmOrganizationId()))
                .isEqualTo(new Marked("✘ other: " + CEDAR_POINT, Mark.DRIFT));
        assertThat(viewModel.isOtherOrganization(dataScience.liteLlmOrganizationId())).isTrue();
        assertThat(viewModel.isOtherOrganization(dataScience.nemoOrganizationId())).isFalse();

        viewModel.selectedTeamProperty().set(viewModel.teamRows().stream()
                .filter(team -> team.id().equals(FLEET_OPS_TEAM)).findFirst().orElseThrow());
        List<RosterEntry> drifted = viewModel.roster().stream().filter(entry -> entry.mark() == Mark.DRIFT).toList();
        assertThat(drifted).extracting(RosterEntry::userId)
                .containsExactlyInAnyOrder(ROGUE_MEMBER_NOT_IN_ORG, DANA_TEAMS_ARRAY_DRIFT);
        assertThat(drifted).extracting(RosterEntry::status).allSatisfy(status -> assertThat(status).startsWith("✘ "));
        assertThat(viewModel.roster()).filteredOn(entry -> entry.mark() == Mark.OK).isNotEmpty()
                .extracting(RosterEntry::status).containsOnly("✔ consistent");
    }

    @Test
    void aMemberIdInAnotherSpellingIsDriftAndAMissingAuthUserIsMissing() {
        OrganizationDetailViewModel viewModel = opened(CEDAR_POINT);
        MemberRow uma = viewModel.memberRows().stream()
                .filter(member -> member.userId().equals(UMA_UPPERCASE_LITELLM_ID)).findFirst().orElseThrow();
        assertThat(uma.authMatch().text()).isEqualTo("✘ id not lowercase: auth.users has it only in another spelling");
        assertThat(uma.authMatch().mark()).isEqualTo(Mark.DRIFT);
        assertThat(MemberRow.AuthMatch.MISSING.mark()).isEqualTo(Mark.MISSING);
        assertThat(MemberRow.AuthMatch.MISSING.text()).isEqualTo("✘ missing in auth.users");
        assertThat(MemberRow.AuthMatch.EXACT.mark()).isEqualTo(Mark.OK);
    }

    @Test
    void presenceAndTheUsersTeamListMapToTheirStatus() {
        assertThat(Presence.BOTH.mark()).isEqualTo(Mark.OK);
        assertThat(Presence.NEMO_ONLY.mark()).isEqualTo(Mark.PARTIAL);
        assertThat(Presence.LITELLM_ONLY.mark()).isEqualTo(Mark.PARTIAL);
        assertThat(List.of(Mark.values())).filteredOn(Mark::isProblem)
                .containsExactly(Mark.PARTIAL, Mark.DRIFT, Mark.MISSING);

        MemberDetail.Team fleetOps = services.members().teams(DANA_TEAMS_ARRAY_DRIFT).stream().filter(team -> team.teamId().equals(FLEET_OPS_TEAM))
                .findFirst().orElseThrow();
        assertThat(MemberViewModel.teamListing(fleetOps))
                .isEqualTo("✘ missing from the user's team list (LiteLLM_UserTable.teams)");
        assertThat(MemberViewModel.teamListingMark(fleetOps)).isEqualTo(Mark.MISSING);
        assertThat(services.members().teams(ROGUE_MEMBER_NOT_IN_ORG)).isNotEmpty().allSatisfy(team -> {
            assertThat(MemberViewModel.teamListing(team)).isEqualTo("✔ listed");
            assertThat(MemberViewModel.teamListingMark(team)).isEqualTo(Mark.OK);
        });
    }
}
