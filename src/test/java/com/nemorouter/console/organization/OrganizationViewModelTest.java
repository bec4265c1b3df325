package com.nemorouter.console.organization;

import static com.nemorouter.console.testing.Seed.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.nemorouter.console.connection.Database;
import com.nemorouter.console.connection.RowSecurity;
import com.nemorouter.console.member.MemberQueries;
import com.nemorouter.console.member.MemberRow;
import com.nemorouter.console.presence.IdKind;
import com.nemorouter.console.presence.PresenceEntry;
import com.nemorouter.console.presence.PresenceQuery;
import com.nemorouter.console.presence.PresenceReport;
import com.nemorouter.console.request.Request;
import com.nemorouter.console.team.TeamQueries;
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
        // The member list waits for the Members tab; its label takes the count from the presence meanwhile.
        assertThat(viewModel.memberRows()).isEmpty();
        assertThat(viewModel.membersTabTitleProperty().get()).isEqualTo("Members " + ACME_MEMBERS);
        viewModel.membersShownProperty().set(true);
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

    /** The view model over services whose first read leaves every unindexed column to the second (limit 0). */
    private static OrganizationDetailViewModel streamingViewModel(ManualTaskRunner tasks) {
        Database database = services.database();
        PresenceQuery split = new PresenceQuery(PresenceQuery.DEFAULT_UNINDEXED_SCAN_LIMIT, 0, "nemo", "auth", "public",
                RowSecurity.NONE);
        return new OrganizationDetailViewModel(new OrganizationService(database, split, new TeamQueries(), new MemberQueries()),
                services.teams(), tasks, new MembershipEditing(services.membership(), new UserSearchService(database), tasks));
    }

    @Test
    void theHeaderAndTeamsShowFirstAndTheLargeTablesCountsFillInAfter() {
        ManualTaskRunner tasks = new ManualTaskRunner();
        OrganizationDetailViewModel viewModel = streamingViewModel(tasks);
        viewModel.open(ACME);
        tasks.finish(0);
        assertThat(viewModel.detailProperty().get().id()).isEqualTo(ACME);
        assertThat(viewModel.teamRows()).hasSize(ACME_TEAMS);
        PresenceReport first = viewModel.presenceProperty().get();
        assertThat(first.pending()).extracting(PresenceEntry::key)
                .contains("public.LiteLLM_OrganizationMembership.organization_id");
        assertThat(first.pending()).allSatisfy(entry -> assertThat(entry.describeCount()).isEqualTo("counting…"));
        assertThat(viewModel.presenceNoteProperty().get()).startsWith("Counting rows in ");
        assertThat(viewModel.membersTabTitleProperty().get()).isEqualTo("Members …");
        // Only the counts are still running: the member list is not read while its tab is not shown.
        assertThat(tasks.pendingCount()).isEqualTo(1);
        tasks.finish(0);
        PresenceReport filled = viewModel.presenceProperty().get();
        assertThat(filled.isComplete()).isTrue();
        assertThat(filled).isEqualTo(services.database().read(em -> new PresenceQuery(
                PresenceQuery.DEFAULT_UNINDEXED_SCAN_LIMIT).find(em, IdKind.ORGANIZATION, ACME)));
        assertThat(viewModel.presenceNoteProperty().get()).isEmpty();
        assertThat(viewModel.membersTabTitleProperty().get()).isEqualTo("Members " + ACME_MEMBERS);
        assertThat(viewModel.memberRows()).isEmpty();
        assertThat(tasks.pendingCount()).isZero();

        viewModel.membersShownProperty().set(true);
        assertThat(viewModel.membersLoadingProperty().get()).isTrue();
        assertThat(viewModel.membersPlaceholderProperty().get()).isEqualTo("Loading members…");
        tasks.finish(0);
        assertThat(viewModel.memberRows()).hasSize(ACME_MEMBERS);
        assertThat(viewModel.membersLoadingProperty().get()).isFalse();
        // Shown again later: read once per organization, not once per look.
        viewModel.membersShownProperty().set(false);
        viewModel.membersShownProperty().set(true);
        assertThat(tasks.pendingCount()).isZero();
    }

    @Test
    void openingAnotherOrganizationCancelsTheFirstOnesStreamedPartsAndTheirLateResultsNeverShow() {
        ManualTaskRunner tasks = new ManualTaskRunner();
        OrganizationDetailViewModel viewModel = streamingViewModel(tasks);
        viewModel.membersShownProperty().set(true);
        viewModel.open(ACME);
        tasks.finish(0);
        // ACME's counts and its member page are in flight.
        assertThat(tasks.pendingCount()).isEqualTo(2);
        Request acmeCounts = tasks.request(0);
        Request acmeMembers = tasks.request(1);

        viewModel.open(CEDAR_POINT);
        assertThat(acmeCounts.isCancelled()).isTrue();
        assertThat(acmeMembers.isCancelled()).isTrue();
        assertThat(viewModel.memberRows()).as("no ACME rows under a new organization").isEmpty();
        tasks.finish(2);
        assertThat(viewModel.detailProperty().get().id()).isEqualTo(CEDAR_POINT);
        // ACME's late answers arrive now: dropped, without a message.
        tasks.finish(0);
        tasks.finish(0);
        assertThat(viewModel.memberRows()).isEmpty();
        assertThat(viewModel.presenceProperty().get().id()).isEqualTo(CEDAR_POINT);
        assertThat(viewModel.presenceProperty().get().isComplete()).isFalse();
        assertThat(viewModel.presenceNoteProperty().get()).startsWith("Counting rows in ");
        assertThat(viewModel.errorProperty().get()).isEmpty();
        tasks.finishAll();
        assertThat(viewModel.presenceProperty().get().isComplete()).isTrue();
        assertThat(viewModel.memberRows()).extracting(MemberRow::userId)
                .containsExactlyElementsOf(services.organizations().members(CEDAR_POINT).members().stream()
                        .map(MemberRow::userId).toList());

        // Closing it cancels whatever still runs for it too.
        viewModel.open(ACME);
        tasks.finish(0);
        Request counts = tasks.request(0);
        viewModel.clear();
        assertThat(counts.isCancelled()).isTrue();
        tasks.finishAll();
        assertThat(viewModel.detailProperty().get()).isNull();
        assertThat(viewModel.presenceProperty().get()).isNull();
        assertThat(viewModel.memberRows()).isEmpty();
    }

    @Test
    void aFailedOrCancelledCountSaysSoInPlaceInsteadOfShowingZero() {
        ManualTaskRunner tasks = new ManualTaskRunner();
        OrganizationDetailViewModel viewModel = streamingViewModel(tasks);
        viewModel.open(ACME);
        tasks.finish(0);
        // The user's "Cancel everything": the request stays current and reports its cancellation.
        tasks.cancelAll();
        tasks.finish(0);
        PresenceReport report = viewModel.presenceProperty().get();
        assertThat(report.isComplete()).isTrue();
        assertThat(report.entries()).filteredOn(entry -> entry.status() == PresenceEntry.Status.NOT_COUNTED)
                .isNotEmpty().allSatisfy(entry -> assertThat(entry.describeCount()).isEqualTo("✘ not counted"));
        assertThat(viewModel.presenceNoteProperty().get()).contains("cancelled");
        assertThat(viewModel.membersTabTitleProperty().get()).isEqualTo("Members");
    }

    @Test
    void reloadingAfterAnEditReadsTheMembersAgainAndKeepsTheSelectedTeam() {
        OrganizationDetailViewModel viewModel = detailViewModel();
        viewModel.membersShownProperty().set(true);
        viewModel.open(ACME);
        TeamRow platform = viewModel.teamRows().stream().filter(team -> team.id().equals(ACME_PLATFORM_TEAM))
                .findFirst().orElseThrow();
        viewModel.selectedTeamProperty().set(platform);
        viewModel.reload();
        assertThat(viewModel.selectedTeamProperty().get().id()).isEqualTo(ACME_PLATFORM_TEAM);
        assertThat(viewModel.roster()).hasSize(5);
        assertThat(viewModel.memberRows()).hasSize(ACME_MEMBERS);
        // The add dialog knows who is already a member: the member set it gets is the loaded page.
        var dialog = viewModel.addOrganizationMembers();
        assertThat(dialog.isMember(new com.nemorouter.console.membership.UserChoice(
                viewModel.memberRows().get(0).userId(), viewModel.memberRows().get(0).email(), null))).isTrue();
    }
}
