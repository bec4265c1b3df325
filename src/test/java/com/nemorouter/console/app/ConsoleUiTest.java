package com.nemorouter.console.app;

import static com.nemorouter.console.testing.Seed.*;
import static org.assertj.core.api.Assertions.assertThat;


import com.nemorouter.console.member.MemberDetail;
import com.nemorouter.console.member.MemberRow;
import com.nemorouter.console.member.MemberViewModel;
import com.nemorouter.console.presence.Mark;
import com.nemorouter.console.presence.MarkStyle;
import com.nemorouter.console.team.RosterEntry;
import com.nemorouter.console.team.TeamRow;
import com.nemorouter.console.testing.ConsoleRobot;
import com.nemorouter.console.testing.TestDatabases;
import com.nemorouter.console.ui.IdCell;

import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

/** Drives the real application, headless, against a copy of the seeded database. */
class ConsoleUiTest extends ConsoleRobot {

    private static String databaseUrl;
    private Application application;

    @BeforeAll
    static void database() {
        databaseUrl = TestDatabases.url(TestDatabases.copyOfSeed());
    }

    @BeforeEach
    void start() throws Exception {
        application = launchConsole("--url", databaseUrl);
        waitForSeedOrganizations();
    }

    @AfterEach
    void stop() throws Exception {
        closeConsole(application);
    }

    @Test
    void typingRightAfterStartGoesIntoTheSearchBox() {
        waitUntil(() -> "organization-search".equals(
                java.util.Optional.ofNullable(find("#organization-table").getScene().getFocusOwner()).map(Node::getId).orElse(null)));
        write("ghostwire");
        waitUntil(() -> organizationTable().getItems().size() == 1);
    }

    @Test
    void searchesByNameAndOpensTheOrganizationWithItsTeamsAndMembers() {
        openOrganization("acme rob", "Acme Robotics", ACME);
        assertThat(this.<Label>find("#organization-nemo-name").getText()).isEqualTo("Acme Robotics");
        assertThat(this.<Label>find("#organization-litellm-alias").getText()).isEqualTo("Acme Robotics");
        assertThat(lookup(".presence-card--missing").queryAll()).isEmpty();

        clickOn("Teams " + ACME_TEAMS);
        TableView<TeamRow> teams = find("#team-table");
        assertThat(teams.getItems()).extracting(TeamRow::displayName).contains("Platform");
        clickOn(from(teams).lookup("Platform").<Node>query());
        TableView<RosterEntry> roster = find("#roster-table");
        waitUntil(() -> !roster.getItems().isEmpty());
        assertThat(roster.getItems()).allMatch(entry -> entry.problems().isEmpty());

        clickOn("Members " + ACME_MEMBERS);
        TableView<MemberRow> members = find("#member-table");
        // The member list is read on the tab's first show.
        waitUntil(() -> members.getItems().size() == ACME_MEMBERS);
        MemberRow first = members.getItems().get(0);
        clickOn(from(members).lookup(first.email()).<Node>query()).type(KeyCode.ENTER);
        waitUntil(() -> first.userId().equals(this.<TextField>find("#member-id").getText()));
        assertThat(this.<TabPane>find("#organization-tabs").getSelectionModel().getSelectedItem().getText())
                .isEqualTo("Member");
    }

    @Test
    void findsAnOrganizationByUuidPrefixAndShowsItsMissingLiteLlmRow() {
        openOrganization("0B5E55ED000040008000000000000001", "Ghostwire Analytics", GHOSTWIRE_NEMO_ONLY);
        Node missing = lookup("#presence-LiteLLM_OrganizationTable-organization_id").query();
        assertThat(missing.getStyleClass()).contains("presence-card--missing");
        assertThat(this.<Label>find("#organization-litellm-alias").getText()).contains("MISSING");
        assertThat(this.<Label>find("#organization-litellm-alias").getPseudoClassStates())
                .contains(MarkStyle.pseudoClass(Mark.MISSING));
        assertThat(this.<Label>find("#organization-nemo-name").getPseudoClassStates())
                .contains(MarkStyle.pseudoClass(Mark.OK)).doesNotContain(MarkStyle.pseudoClass(Mark.MISSING));
        assertThat(from(organizationTable()).lookup((Node node) -> node instanceof javafx.scene.control.TableCell<?, ?> cell
                && "⚠ nemo only".equals(cell.getText())).<Node>query().getPseudoClassStates())
                .contains(MarkStyle.pseudoClass(Mark.PARTIAL));
    }

    @Test
    void showsRosterDriftOfATeamWithMembersOutsideTheOrgAndAMissingTeamsEntry() {
        openOrganization("blue harbor", "Blue Harbor Logistics", BLUE_HARBOR);
        clickOnTab("Teams ");
        TableView<TeamRow> teams = find("#team-table");
        waitUntil(() -> teams.getItems().stream().anyMatch(TeamRow::organizationMismatch));
        clickOn(from(teams).lookup("Fleet Ops").<Node>query());
        TableView<RosterEntry> roster = find("#roster-table");
        waitUntil(() -> roster.getItems().size() > 2);
        assertThat(roster.getItems()).filteredOn(entry -> entry.userId().equals(ROGUE_MEMBER_NOT_IN_ORG))
                .singleElement().extracting(RosterEntry::status).asString().contains("not a member of the team's org");
        assertThat(roster.getItems()).filteredOn(entry -> entry.userId().equals(DANA_TEAMS_ARRAY_DRIFT))
                .singleElement().extracting(RosterEntry::status).asString().contains("teams[] lacks this team");

        // Drifted rows carry the typed status as a pseudo-class, consistent ones do not.
        TeamRow dataScience = teams.getItems().stream().filter(TeamRow::organizationMismatch).findFirst().orElseThrow();
        assertThat(from(teams).lookup(dataScience.presenceText()).<Node>query().getPseudoClassStates())
                .contains(MarkStyle.pseudoClass(Mark.DRIFT));
        Node otherOrganization = from(teams).lookup((Node node) -> node instanceof IdCell<?> cell
                && ("✘ other: " + CEDAR_POINT).equals(cell.fullValue())).query();
        assertThat(otherOrganization.getPseudoClassStates()).contains(MarkStyle.pseudoClass(Mark.DRIFT));
        RosterEntry dana = roster.getItems().stream().filter(entry -> entry.userId().equals(DANA_TEAMS_ARRAY_DRIFT))
                .findFirst().orElseThrow();
        interact(() -> roster.scrollTo(dana));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(from(roster).lookup(dana.status()).<Node>query().getPseudoClassStates())
                .contains(MarkStyle.pseudoClass(Mark.DRIFT));
        assertThat(from(roster).lookup((Node node) -> node instanceof javafx.scene.control.TableCell<?, ?> cell
                && "✔ consistent".equals(cell.getText())).<Node>queryAll()).isNotEmpty().allSatisfy(cell ->
                assertThat(cell.getPseudoClassStates()).contains(MarkStyle.pseudoClass(Mark.OK))
                        .doesNotContain(MarkStyle.pseudoClass(Mark.DRIFT)));

        // Dana's member view: the team her user row's teams[] lacks is marked missing.
        clickOn(from(roster).lookup(dana.status()).<Node>query()).type(KeyCode.ENTER);
        waitUntil(() -> DANA_TEAMS_ARRAY_DRIFT.equals(this.<TextField>find("#member-id").getText()));
        TableView<MemberDetail.Team> memberTeams = find("#member-teams");
        waitUntil(() -> !memberTeams.getItems().isEmpty());
        String unlisted = MemberViewModel.teamListing(memberTeams.getItems().get(0));
        assertThat(unlisted).startsWith("✘");
        assertThat(from(memberTeams).lookup((Node node) -> node instanceof javafx.scene.control.TableCell<?, ?> cell
                && unlisted.equals(cell.getText())).<Node>query().getPseudoClassStates())
                .contains(MarkStyle.pseudoClass(Mark.MISSING));
    }

    @Test
    void copiesTheSelectedUuidAndMarksANonCanonicalMemberId() {
        openOrganization("cedar point", "Cedar Point Health", CEDAR_POINT);
        press(KeyCode.CONTROL, KeyCode.C).release(KeyCode.C, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        String copied = WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(() -> javafx.scene.input.Clipboard.getSystemClipboard().getString()));
        assertThat(copied).isEqualTo(CEDAR_POINT);

        clickOnTab("Members ");
        TableView<MemberRow> members = find("#member-table");
        waitUntil(() -> !members.getItems().isEmpty());
        MemberRow uma = members.getItems().stream().filter(member -> member.userId().equals(UMA_UPPERCASE_LITELLM_ID))
                .findFirst().orElseThrow();
        assertThat(uma.authMatch().text()).startsWith("✘");
        interact(() -> members.scrollTo(uma)); // a late row may lie below the visible rows
        WaitForAsyncUtils.waitForFxEvents();
        // The typed status (not the text's ✘) styles the cell: a pseudo-class the CSS colours.
        assertThat(from(members).lookup(uma.authMatch().text()).<Node>query().getPseudoClassStates())
                .contains(MarkStyle.pseudoClass(Mark.DRIFT));
    }

    /** Searches, expects exactly one row with that name, clicks it and waits for its detail. */
    private void openOrganization(String searchText, String name, String expectedId) {
        search(searchText);
        waitUntil(() -> organizationTable().getItems().size() == 1);
        assertThat(organizationTable().getItems().get(0).displayName()).isEqualTo(name);
        clickOn(from(organizationTable()).lookup(name).<Node>query());
        waitUntil(() -> expectedId.equals(this.<TextField>find("#organization-id").getText()));
    }

    private void clickOnTab(String titlePrefix) {
        clickOn(lookup((Node node) -> node instanceof javafx.scene.control.Labeled labeled
                && labeled.getText() != null && labeled.getText().startsWith(titlePrefix)
                // The tab reads "Teams 4"; the member table's "Teams in this org" header must not match.
                && labeled.getText().substring(titlePrefix.length()).matches("\\d+")).<Node>query());
    }

    private void search(String text) {
        press(KeyCode.CONTROL, KeyCode.F).release(KeyCode.F, KeyCode.CONTROL);
        write(text);
    }

}
