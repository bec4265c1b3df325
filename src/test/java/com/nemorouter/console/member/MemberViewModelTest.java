package com.nemorouter.console.member;

import static com.nemorouter.console.testing.Seed.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.nemorouter.console.connection.Database;
import com.nemorouter.console.connection.RowSecurity;
import com.nemorouter.console.presence.IdKind;
import com.nemorouter.console.presence.PresenceEntry;
import com.nemorouter.console.presence.PresenceQuery;
import com.nemorouter.console.presence.PresenceReport;
import com.nemorouter.console.request.Request;
import com.nemorouter.console.testing.ManualTaskRunner;
import com.nemorouter.console.testing.TestDatabases;
import com.nemorouter.console.ui.SameThreadTaskRunner;

import org.junit.jupiter.api.Test;

/** The member view streams its teams and the large tables' counts after the user and its org memberships. */
class MemberViewModelTest {

    private static final PresenceQuery SPLIT = new PresenceQuery(PresenceQuery.DEFAULT_UNINDEXED_SCAN_LIMIT, 0,
            "nemo", "auth", "public", RowSecurity.NONE);

    /** Services whose first read leaves every unindexed column (the rosters among them) to the last one. */
    private static MemberService streaming() {
        return new MemberService(TestDatabases.seeded(), SPLIT);
    }

    @Test
    void theUserShowsFirstThenItsTeamsThenTheLargeTablesCountsOnceThePresenceTabShows() {
        ManualTaskRunner tasks = new ManualTaskRunner();
        MemberViewModel viewModel = new MemberViewModel(streaming(), tasks);
        viewModel.open(DANA_TEAMS_ARRAY_DRIFT);
        tasks.finish(0);
        MemberDetail dana = viewModel.detailProperty().get();
        assertThat(dana.userId()).isEqualTo(DANA_TEAMS_ARRAY_DRIFT);
        assertThat(viewModel.teams()).isEmpty();
        assertThat(viewModel.teamsPlaceholderProperty().get()).isEqualTo("Reading the team rosters…");
        assertThat(viewModel.presenceProperty().get().pending()).extracting(PresenceEntry::key)
                .contains("public.LiteLLM_TeamTable.members_with_roles");
        assertThat(viewModel.presenceNoteProperty().get()).startsWith("Counting rows in ");
        // One part at a time, so one worker stays free for typing.
        assertThat(tasks.pendingCount()).isEqualTo(1);
        tasks.finish(0);
        assertThat(viewModel.teams()).extracting(MemberDetail.Team::teamId).containsExactly(FLEET_OPS_TEAM);
        assertThat(viewModel.teamsPlaceholderProperty().get()).isEqualTo("On no team's roster.");
        assertThat(viewModel.presenceProperty().get().isComplete()).isFalse();
        // The large tables wait for the Presence tab: no scan of the spend logs for a tab nobody looks at.
        assertThat(tasks.pendingCount()).isZero();
        viewModel.presenceShownProperty().set(true);
        assertThat(tasks.pendingCount()).isEqualTo(1);
        tasks.finish(0);
        PresenceReport filled = viewModel.presenceProperty().get();
        assertThat(filled).isEqualTo(TestDatabases.seeded().read(em -> SPLIT.find(em, IdKind.USER, DANA_TEAMS_ARRAY_DRIFT)));
        assertThat(viewModel.presenceNoteProperty().get()).isEmpty();
        assertThat(viewModel.detailProperty().get()).as("the detail is set once per open").isSameAs(dana);
    }

    @Test
    void openingAnotherUserCancelsTheFirstOnesStreamedPartsAndTheirLateResultsNeverShow() {
        String benDiaz = TestDatabases.seeded().read(em -> (String) em.createNativeQuery(
                "select id::text from auth.users where email = 'ben.diaz@acme.example'").getSingleResult());
        ManualTaskRunner tasks = new ManualTaskRunner();
        MemberViewModel viewModel = new MemberViewModel(streaming(), tasks);
        // The Presence tab is open: the counts follow the teams at once.
        viewModel.presenceShownProperty().set(true);
        viewModel.open(benDiaz);
        tasks.finish(0);
        Request benTeams = tasks.request(0);
        viewModel.open(DANA_TEAMS_ARRAY_DRIFT);
        assertThat(benTeams.isCancelled()).isTrue();
        tasks.finish(1);
        tasks.finish(0);
        assertThat(viewModel.detailProperty().get().userId()).isEqualTo(DANA_TEAMS_ARRAY_DRIFT);
        assertThat(viewModel.teams()).as("Ben's late teams are dropped").isEmpty();
        assertThat(viewModel.teamsPlaceholderProperty().get()).isEqualTo("Reading the team rosters…");
        tasks.finishAll();
        assertThat(viewModel.teams()).extracting(MemberDetail.Team::teamId).containsExactly(FLEET_OPS_TEAM);
        assertThat(viewModel.presenceProperty().get().id()).isEqualTo(DANA_TEAMS_ARRAY_DRIFT);
        assertThat(viewModel.presenceProperty().get().isComplete()).isTrue();
        assertThat(viewModel.errorProperty().get()).isEmpty();
    }

    @Test
    void aFailedRosterReadSaysSoInPlaceAndTheCountsStillFollow() {
        ManualTaskRunner tasks = new ManualTaskRunner();
        MemberViewModel viewModel = new MemberViewModel(streaming(), tasks);
        viewModel.open(DANA_TEAMS_ARRAY_DRIFT);
        tasks.finish(0);
        tasks.cancelAll();
        tasks.finishAll();
        assertThat(viewModel.teamsPlaceholderProperty().get()).startsWith("Reading the team rosters").contains("cancelled");
        assertThat(viewModel.presenceProperty().get().entries())
                .anyMatch(entry -> entry.status() == PresenceEntry.Status.NOT_COUNTED);
        assertThat(viewModel.presenceNoteProperty().get()).contains("cancelled");
    }

    @Test
    void anUnknownIdSaysSoAndShowsNothing() {
        MemberViewModel viewModel = new MemberViewModel(streaming(), new SameThreadTaskRunner());
        viewModel.open("00000000-0000-4000-8000-00000000ffff");
        assertThat(viewModel.detailProperty().get()).isNull();
        assertThat(viewModel.presenceProperty().get()).isNull();
        assertThat(viewModel.errorProperty().get()).isEqualTo("No table refers to user 00000000-0000-4000-8000-00000000ffff.");
    }

    @Test
    void anIdOnlyALargeTableHoldsShowsOnceItIsCounted() {
        String copy = TestDatabases.copyOfSeed();
        TestDatabases.execute(TestDatabases.dataSource(copy), """
                insert into "LiteLLM_SpendLogs" (request_id, call_type, api_key, "startTime", "endTime", "user")
                values ('spend-only-request', 'acompletion', '', now(), now(), 'spend-only-user')""");
        try (Database database = Database.open(TestDatabases.target(copy))) {
            ManualTaskRunner tasks = new ManualTaskRunner();
            MemberViewModel viewModel = new MemberViewModel(new MemberService(database, new PresenceQuery(
                    PresenceQuery.DEFAULT_UNINDEXED_SCAN_LIMIT, 0, "nemo", "auth", "public", RowSecurity.NONE)), tasks);
            viewModel.open("spend-only-user");
            tasks.finish(0);
            // Nothing found yet, but not "nowhere" either: the large tables are still being counted.
            assertThat(viewModel.detailProperty().get()).isNull();
            assertThat(viewModel.errorProperty().get()).isEmpty();
            assertThat(viewModel.presenceNoteProperty().get()).startsWith("Counting rows in large tables");
            tasks.finishAll();
            assertThat(viewModel.detailProperty().get().userId()).isEqualTo("spend-only-user");
            assertThat(viewModel.presenceProperty().get().rowsIn("public", "LiteLLM_SpendLogs")).isEqualTo(1);
            assertThat(viewModel.teams()).isEmpty();
            assertThat(viewModel.errorProperty().get()).isEmpty();
        }
    }
}
