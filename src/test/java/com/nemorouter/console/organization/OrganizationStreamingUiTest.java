package com.nemorouter.console.organization;

import static com.nemorouter.console.testing.Seed.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.Statement;

import javax.sql.DataSource;

import com.nemorouter.console.member.MemberRow;
import com.nemorouter.console.presence.Mark;
import com.nemorouter.console.presence.MarkStyle;
import com.nemorouter.console.testing.ConsoleRobot;
import com.nemorouter.console.testing.TestDatabases;

import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The real window on a copy of the seed whose large LiteLLM tables the planner believes large (their
 * {@code pg_class.reltuples} set to a million rows), so the org screen's first read leaves their counts to a
 * second one, as at production scale. A lock held by the test keeps that second read waiting, so the
 * "counting…" state can be seen before the counts land.
 */
class OrganizationStreamingUiTest extends ConsoleRobot {

    private Application application;
    private DataSource dataSource;

    @BeforeEach
    void start() throws Exception {
        String database = TestDatabases.copyOfSeed();
        dataSource = TestDatabases.dataSource(database);
        // Only the estimate changes (what the catalog read sees), not a row.
        TestDatabases.execute(dataSource, """
                update pg_class set reltuples = 1000000
                where relnamespace = 'public'::regnamespace
                  and relname in ('LiteLLM_OrganizationMembership', 'LiteLLM_SpendLogs', 'LiteLLM_UserTable',
                                  'LiteLLM_VerificationToken')""");
        application = launchConsole("--url", TestDatabases.url(database));
        waitForSeedOrganizations();
    }

    @AfterEach
    void stop() throws Exception {
        closeConsole(application);
    }

    @Test
    void theOrganizationShowsAtOnceItsLargeTablesCountInAndTheMembersLoadOnTheirTabsFirstShow() throws Exception {
        TabPane tabs = find("#organization-tabs");
        TableView<MemberRow> members = find("#member-table");
        try (Connection holder = dataSource.getConnection(); Statement statement = holder.createStatement()) {
            // The spend logs are one of the large tables: their count waits for this lock, the first read does not.
            holder.setAutoCommit(false);
            statement.execute("lock table \"LiteLLM_SpendLogs\" in access exclusive mode");

            press(KeyCode.CONTROL, KeyCode.F).release(KeyCode.F, KeyCode.CONTROL);
            write("acme rob");
            waitUntil(() -> organizationTable().getItems().size() == 1);
            clickOn(from(organizationTable()).lookup("Acme Robotics").<Node>query());
            waitUntil(() -> ACME.equals(this.<TextField>find("#organization-id").getText()));

            // Header, teams and the indexed tables are there; the large tables say they are being counted.
            assertThat(this.<Label>find("#organization-nemo-name").getText()).isEqualTo("Acme Robotics");
            assertThat(tabs.getTabs().get(1).getText()).isEqualTo("Teams " + ACME_TEAMS);
            waitUntil(() -> lookup("#presence-LiteLLM_SpendLogs-organization_id").tryQuery().isPresent());
            Node spend = lookup("#presence-LiteLLM_SpendLogs-organization_id").query();
            assertThat(spend.getStyleClass()).contains("presence-card--pending");
            Label spendCount = from(spend).lookup(".presence-card__count").query();
            assertThat(spendCount.getText()).isEqualTo("organization_id:  counting…");
            assertThat(spendCount.getPseudoClassStates()).contains(MarkStyle.pseudoClass(Mark.PENDING));
            assertThat(presenceNote().getText()).startsWith("Counting rows in 4 large tables");
            assertThat(lookup("#presence-organizations-organization_id").<Node>query().getStyleClass())
                    .contains("presence-card--found");
            assertThat(tabs.getTabs().get(2).getText()).isEqualTo("Members …");
            assertThat(members.getItems()).as("not read before the tab shows").isEmpty();

            // The member list does not wait for the counts: it is read when its tab first shows.
            clickOn("Members …");
            waitUntil(() -> members.getItems().size() == ACME_MEMBERS);
            assertThat(tabs.getTabs().get(2).getText()).isEqualTo("Members " + ACME_MEMBERS);
            assertThat(lookup("#presence-LiteLLM_SpendLogs-organization_id").<Node>query().getStyleClass())
                    .contains("presence-card--pending");
            holder.rollback();
        }

        // The lock is gone: the counts land where "counting…" was.
        waitUntil(() -> lookup("#presence-LiteLLM_SpendLogs-organization_id").<Node>query().getStyleClass()
                .contains("presence-card--found"));
        assertThat(presenceNote().isVisible()).isFalse();
        assertThat(lookup(".presence-card--pending").queryAll()).isEmpty();
        assertThat(from(lookup("#presence-LiteLLM_OrganizationMembership-organization_id").<Node>query())
                .lookup(".presence-card__count").<Label>query().getText())
                .isEqualTo("organization_id:  ✔ " + ACME_MEMBERS + " rows");
    }

    /** The org screen's note (the member view has a presence flow of its own). */
    private Label presenceNote() {
        return from(this.<Node>find("#organization-presence")).lookup("#presence-note").query();
    }
}
