package com.nemorouter.console.organization;

import static com.nemorouter.console.testing.Seed.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.nemorouter.console.wiring.ConsoleServices;
import com.nemorouter.console.membership.MembershipEditing;
import com.nemorouter.console.membership.UserSearchService;
import com.nemorouter.console.team.TeamRow;
import com.nemorouter.console.testing.ManualTaskRunner;
import com.nemorouter.console.testing.TestDatabases;
import com.nemorouter.console.ui.SameThreadTaskRunner;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class OrganizationViewModelTest {

    private static ConsoleServices services;

    @BeforeAll
    static void connect() {
        services = ConsoleServices.wire(TestDatabases.seeded());
    }

    private static OrganizationDetailViewModel detailViewModel() {
        SameThreadTaskRunner tasks = new SameThreadTaskRunner();
        return new OrganizationDetailViewModel(services.organizations(), services.teams(), tasks,
                new MembershipEditing(services.membership(), new UserSearchService(services.database()), tasks));
    }

    @Test
    void searchShowsMatchesAndTheirCount() {
        OrganizationListViewModel viewModel = new OrganizationListViewModel(services.organizations(), new SameThreadTaskRunner());
        viewModel.searchTextProperty().set("cedar");
        viewModel.search();
        assertThat(viewModel.rows()).extracting(OrganizationRow::id).containsExactly(CEDAR_POINT);
        assertThat(viewModel.summaryProperty().get()).isEqualTo("1 organization match \"cedar\"");
        assertThat(viewModel.hasMoreProperty().get()).isFalse();
        assertThat(viewModel.errorProperty().get()).isEmpty();
    }

    @Test
    void aSlowerEarlierSearchNeverOverwritesTheLatestResults() {
        ManualTaskRunner tasks = new ManualTaskRunner();
        OrganizationListViewModel viewModel = new OrganizationListViewModel(services.organizations(), tasks);
        viewModel.searchTextProperty().set("a");
        viewModel.search();
        viewModel.searchTextProperty().set("acme");
        viewModel.search();
        tasks.finish(1);
        tasks.finish(0);
        assertThat(viewModel.rows()).extracting(OrganizationRow::id).containsExactly(ACME);
        assertThat(viewModel.summaryProperty().get()).contains("\"acme\"");
    }

    @Test
    void theRowsShowFirstAndTheirMemberCountsStreamIn() {
        ManualTaskRunner tasks = new ManualTaskRunner();
        OrganizationListViewModel viewModel = new OrganizationListViewModel(services.organizations(), tasks);
        viewModel.searchTextProperty().set("acme");
        viewModel.search();
        tasks.finish(0);
        assertThat(viewModel.rows()).extracting(OrganizationRow::id).containsExactly(ACME);
        assertThat(viewModel.rows()).extracting(viewModel::memberCountOf).containsExactly((Long) null);
        // A newer keystroke makes the pending count stale: it is dropped, the newer one lands.
        viewModel.searchTextProperty().set("acme ");
        viewModel.search();
        tasks.finish(0);
        assertThat(viewModel.rows()).extracting(viewModel::memberCountOf).containsExactly((Long) null);
        tasks.finishAll();
        assertThat(viewModel.rows()).extracting(viewModel::memberCountOf).containsExactly((long) ACME_MEMBERS);
    }

    @Test
    void scrollingLoadsTheNextPageOnlyOnceAndStopsAtTheEnd() {
        ManualTaskRunner tasks = new ManualTaskRunner();
        OrganizationListViewModel viewModel = new OrganizationListViewModel(services.organizations(), tasks);
        viewModel.search();
        tasks.finishAll();
        assertThat(viewModel.rows()).hasSize(ORGANIZATIONS);
        assertThat(viewModel.hasMoreProperty().get()).isFalse();
        viewModel.loadMore();
        assertThat(tasks.pendingCount()).isZero();
    }

    @Test
    void detailLoadsTeamsMembersAndTheSelectedTeamsRoster() {
        OrganizationDetailViewModel viewModel = detailViewModel();
        viewModel.open(ACME);
        assertThat(viewModel.detailProperty().get().id()).isEqualTo(ACME);
        assertThat(viewModel.teamRows()).hasSize(ACME_TEAMS);
        assertThat(viewModel.memberRows()).hasSize(ACME_MEMBERS);
        assertThat(viewModel.membersSummaryProperty().get()).isEqualTo(ACME_MEMBERS + " members");
        TeamRow platform = viewModel.teamRows().stream().filter(team -> team.id().equals(ACME_PLATFORM_TEAM))
                .findFirst().orElseThrow();
        viewModel.selectedTeamProperty().set(platform);
        assertThat(viewModel.roster()).hasSize(5);
        assertThat(viewModel.rosterTitleProperty().get()).contains("Platform").contains("5 members");
    }

    @Test
    void nemoOnlyTeamExplainsWhyItHasNoRoster() {
        OrganizationDetailViewModel viewModel = detailViewModel();
        viewModel.open(GHOSTWIRE_NEMO_ONLY);
        viewModel.selectedTeamProperty().set(viewModel.teamRows().get(0));
        assertThat(viewModel.roster()).isEmpty();
        assertThat(viewModel.rosterTitleProperty().get()).contains("has no LiteLLM team");
    }

    @Test
    void organizationThatVanishedSaysSo() {
        OrganizationDetailViewModel viewModel = detailViewModel();
        viewModel.open("00000000-0000-4000-8000-000000000abc");
        assertThat(viewModel.detailProperty().get()).isNull();
        assertThat(viewModel.errorProperty().get()).contains("no longer exists");
    }
}
