package com.nemorouter.console.membership;

import static com.nemorouter.console.testing.Seed.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.nemorouter.console.audit.AuditRecord;
import com.nemorouter.console.organization.OrganizationRow;
import com.nemorouter.console.team.RosterEntry;
import com.nemorouter.console.team.TeamRow;
import com.nemorouter.console.testing.ConsoleRobot;
import com.nemorouter.console.testing.Sql;
import com.nemorouter.console.testing.TestDatabases;

import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.VBox;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

/** The membership flows through the real application, headless, on a private copy of the seed. */
class MembershipUiTest extends ConsoleRobot {

    private Application application;
    private Sql sql;

    private void start(String... extraArgs) throws Exception {
        String name = TestDatabases.copyOfSeed();
        sql = new Sql(TestDatabases.dataSource(name));
        List<String> args = new java.util.ArrayList<>(List.of("--url", TestDatabases.url(name)));
        args.addAll(List.of(extraArgs));
        application = launchConsole(args.toArray(String[]::new));
        waitForSeedOrganizations();
    }

    @AfterEach
    void stop() throws Exception {
        closeConsole(application);
    }

    private void openPlatformTeam() {
        press(KeyCode.CONTROL, KeyCode.F).release(KeyCode.F, KeyCode.CONTROL);
        write("acme rob");
        waitUntil(() -> this.<TableView<OrganizationRow>>find("#organization-table").getItems().size() == 1);
        clickOn("Acme Robotics");
        waitUntil(() -> ACME.equals(this.<TextField>find("#organization-id").getText()));
        clickOn("Teams " + ACME_TEAMS);
        TableView<TeamRow> teams = find("#team-table");
        clickOn(from(teams).lookup("Platform").<Node>query());
        waitUntil(() -> !this.<TableView<RosterEntry>>find("#roster-table").getItems().isEmpty());
    }

    @Test
    void theAddDialogKeepsRoomForItsListsAfterASmallerDialogWasSized() throws Exception {
        start();
        openPlatformTeam();
        TableView<RosterEntry> roster = find("#roster-table");
        interact(() -> roster.getSelectionModel().select(0));
        clickOn("#team-remove-member");
        waitUntil(() -> lookup("#membership-consequences-list").<Node>query().isVisible() && !consequenceRows().isEmpty());
        clickOn("#membership-cancel");

        clickOn("#team-add-members");
        waitUntil(() -> lookup("#membership-user-search").tryQuery().isPresent());
        clickOn("#membership-user-search").write("a");
        ListView<UserChoice> results = find("#membership-user-results");
        waitUntil(() -> !results.getItems().isEmpty());
        // The removal's few lines set the size it remembers; the add dialog's lists must not shrink to it.
        assertThat(results.getHeight()).isGreaterThanOrEqualTo(100);
        assertThat(this.<ListView<UserChoice>>find("#membership-selected-users").getHeight()).isGreaterThanOrEqualTo(60);
        clickOn("#membership-cancel");
    }

    @Test
    void addsATeamMemberThroughTheDialogSeesThemInRosterAndHistoryThenRemovesThem() throws Exception {
        start();
        List<String> candidate = sql.rows("""
                select u.user_id, u.user_email from "LiteLLM_OrganizationMembership" m
                join "LiteLLM_UserTable" u on u.user_id = m.user_id
                where m.organization_id = ? and not exists (select 1 from "LiteLLM_TeamTable" t
                    where t.team_id = ? and t.members_with_roles @> jsonb_build_array(jsonb_build_object('user_id', u.user_id)))
                order by u.user_email limit 1""", ACME, ACME_PLATFORM_TEAM).get(0);
        String user = candidate.get(0);
        String email = candidate.get(1);
        openPlatformTeam();
        TableView<RosterEntry> roster = find("#roster-table");
        int before = roster.getItems().size();

        clickOn("#team-add-members");
        waitUntil(() -> lookup("#membership-user-search").tryQuery().isPresent());
        clickOn("#membership-user-search").write(email.substring(0, email.indexOf('@')));
        ListView<UserChoice> results = find("#membership-user-results");
        waitUntil(() -> results.getItems().stream().anyMatch(choice -> choice.userId().equals(user)));
        interact(() -> results.getSelectionModel().select(
                results.getItems().stream().filter(choice -> choice.userId().equals(user)).findFirst().orElseThrow()));
        clickOn("Add selected user ↓");
        assertThat(this.<ListView<UserChoice>>find("#membership-selected-users").getItems())
                .extracting(UserChoice::userId).containsExactly(user);
        assertThat(this.<Label>find("#membership-title").getText()).isEqualTo("Add members to team Platform (Acme Robotics)");
        assertThat(this.<ComboBox<String>>find("#membership-role").getValue()).as("the least role by default").isEqualTo("user");
        assertThat(this.<Button>find("#membership-apply").getText()).isEqualTo("Add 1 member");
        clickOn("#membership-apply");

        waitUntil(() -> roster.getItems().size() == before + 1);
        assertThat(roster.getItems().get(before).userId()).isEqualTo(user);
        assertThat(roster.getItems().get(before).problems()).isEmpty();
        assertThat(this.<Label>find("#organization-notice").getText())
                .contains("rows changed").contains("written to LiteLLM_AuditLog").contains("cache entry expires");

        clickOn("Team history");
        TabPane teamTabs = lookup((Node node) -> node instanceof TabPane tabs
                && tabs.getTabs().stream().anyMatch(tab -> "Team history".equals(tab.getText()))).query();
        TableView<AuditRecord> history = from(teamTabs.getTabs().get(1).getContent()).lookup(".history-table").query();
        waitUntil(() -> history.getItems().stream().anyMatch(record -> record.tableName().equals("LiteLLM_TeamTable")
                && record.updatedValues() != null && record.updatedValues().contains(user)));
        assertThat(history.getItems().get(0).changedBy()).startsWith("nemo-console:");

        clickOn("Roster");
        interact(() -> roster.scrollTo(before)); // the new, last row may lie below the visible rows
        clickOn(from(roster).lookup(email).<Node>query());
        clickOn("#team-remove-member");
        waitUntil(() -> lookup("#membership-consequences-list").<Node>query().isVisible() && !consequenceRows().isEmpty());
        assertThat(consequenceRows()).contains("• Remove " + email + " from team Platform  (LiteLLM_TeamMembership)");
        assertThat(this.<Label>find("#membership-consequences").getText())
                .isEqualTo("This will change " + consequenceRows().size() + " rows:");
        Button remove = find("#membership-apply");
        assertThat(remove.getText()).isEqualTo("Remove 1 member");
        assertThat(remove.isDefaultButton()).as("a destructive button is never the default").isFalse();
        assertThat(remove.getStyleClass()).contains("danger");
        assertEveryConsequenceVisible();
        clickOn("#membership-apply");
        waitUntil(() -> roster.getItems().size() == before
                && roster.getItems().stream().noneMatch(entry -> entry.userId().equals(user)));
        assertThat(sql.value("select count(*) from \"LiteLLM_TeamMembership\" where user_id = ? and team_id = ?",
                user, ACME_PLATFORM_TEAM)).isEqualTo("0");
    }

    @Test
    void removingAMemberListsEveryRowInWordsThenTheListAndTabsShowTheNewCounts() throws Exception {
        start();
        String user = sql.value("select user_id from \"LiteLLM_VerificationToken\" "
                + "where token = encode(sha256(convert_to('sk-demo-1', 'UTF8')), 'hex')");
        String email = sql.value("select email from auth.users where id::text = ?", user);
        press(KeyCode.CONTROL, KeyCode.F).release(KeyCode.F, KeyCode.CONTROL);
        write("acme rob");
        TableView<OrganizationRow> organizations = find("#organization-table");
        waitUntil(() -> organizations.getItems().size() == 1);
        clickOn("Acme Robotics");
        waitUntil(() -> ACME.equals(this.<TextField>find("#organization-id").getText()));
        @SuppressWarnings("unchecked")
        TableColumn<OrganizationRow, Long> membersColumn = (TableColumn<OrganizationRow, Long>) organizations.getColumns()
                .stream().filter(column -> column.getText().equals("Members")).findFirst().orElseThrow();
        waitUntil(() -> membersColumn.getCellData(0) != null);
        long membersBefore = membersColumn.getCellData(0);
        assertThat(membersBefore).isEqualTo(ACME_MEMBERS);
        clickOn("Members " + ACME_MEMBERS);
        // The member list is read on the tab's first show.
        waitUntil(() -> !this.<javafx.scene.control.TableView<?>>find("#member-table").getItems().isEmpty());
        clickOn(from(this.<Node>find("#member-table")).lookup(email).<Node>query());
        clickOn("#org-remove-member");

        waitUntil(() -> lookup("#membership-consequences-list").<Node>query().isVisible() && consequenceRows().size() > 3);
        assertThat(this.<Label>find("#membership-title").getText())
                .isEqualTo("Remove " + email + " from organization Acme Robotics");
        assertThat(this.<Label>find("#membership-consequences").getText())
                .isEqualTo("This will change " + consequenceRows().size() + " rows:");
        assertThat(consequenceRows()).as("people and teams in words")
                .contains("• Remove " + email + " from organization Acme Robotics  (LiteLLM_OrganizationMembership)")
                .noneMatch(line -> line.contains(ACME + "/"));
        assertEveryConsequenceVisible();
        Button remove = find("#membership-apply");
        assertThat(remove.getText()).isEqualTo("Remove 1 member");
        assertThat(remove.isDefaultButton()).isFalse();
        int listed = consequenceRows().size();
        clickOn(remove);

        waitUntil(() -> organizations.getItems().size() == 1
                && Long.valueOf(membersBefore - 1).equals(membersColumn.getCellData(0)));
        waitUntil(() -> lookup("Members " + (ACME_MEMBERS - 1)).tryQuery().isPresent());
        assertThat(organizations.getSelectionModel().getSelectedItem()).as("the selection stays").isNotNull();
        assertThat(this.<Label>find("#organization-notice").getText()).startsWith(listed + " rows changed.");
        assertThat(sql.value("select count(*) from \"LiteLLM_OrganizationMembership\" where user_id = ? and organization_id = ?",
                user, ACME)).isEqualTo("0");

        // A search that clears the selection clears the detail: no old counts.
        doubleClickOn("#organization-search").write("no such organization at all");
        waitUntil(() -> organizations.getItems().isEmpty());
        waitUntil(() -> lookup("Members").tryQuery().isPresent()
                && this.<TextField>find("#organization-id").getText().isEmpty());
    }

    @Test
    void readOnlyModeDisablesEveryEditControlAndSaysWhy() throws Exception {
        start("--read-only");
        openPlatformTeam();
        for (String id : List.of("#team-add-members", "#team-change-role", "#team-remove-member",
                "#org-add-members", "#org-change-role", "#org-remove-member")) {
            Button button = find(id);
            assertThat(button.isDisabled()).as(id).isTrue();
            assertThat(button.getTooltip().getText()).as(id).isEqualTo("Read-only: started with --read-only");
        }
        assertThat(this.<Label>find("#status-read-only").getText()).contains("Read-only: started with --read-only");
        assertThat(this.<ToggleButton>find("#status-read-only-toggle").isDisabled()).as("fixed for this connection").isTrue();
    }

    @Test
    void theReadOnlyToggleDisablesAndReenablesTheEditControls() throws Exception {
        start();
        openPlatformTeam();
        Button add = find("#team-add-members");
        assertThat(add.isDisabled()).isFalse();
        ToggleButton toggle = find("#status-read-only-toggle");
        assertThat(toggle.isVisible() && !toggle.isDisabled()).isTrue();
        // The shell's ViewModel must outlive a collection once the window is up.
        System.gc();
        clickOn(toggle);
        waitUntil(add::isDisabled);
        assertThat(add.getTooltip().getText()).isEqualTo("Read-only: switched on in the window");
        assertThat(this.<Label>find("#status-read-only").getText()).contains("switched on in the window");
        clickOn(toggle);
        waitUntil(() -> !add.isDisabled());
        assertThat(add.getTooltip().getText()).isEqualTo("Select a team first.");
    }

    private List<String> consequenceRows() {
        VBox rows = find("#membership-consequences-rows");
        return rows.getChildren().stream().map(node -> ((Label) node).getText()).toList();
    }

    /** The confirmation shows every row without scrolling (a short list is sized to its content). */
    private void assertEveryConsequenceVisible() {
        WaitForAsyncUtils.waitForFxEvents();
        ScrollPane list = find("#membership-consequences-list");
        VBox rows = find("#membership-consequences-rows");
        waitUntil(() -> list.getViewportBounds().getHeight() + 0.5 >= rows.getHeight() && rows.getHeight() > 0);
        for (Node row : rows.getChildren()) {
            Label label = (Label) row;
            assertThat(label.getHeight()).as("not cut: %s", label.getText()).isGreaterThanOrEqualTo(label.prefHeight(label.getWidth()) - 0.5);
        }
    }

}
