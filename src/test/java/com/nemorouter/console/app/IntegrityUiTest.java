package com.nemorouter.console.app;

import static com.nemorouter.console.testing.Seed.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import com.nemorouter.console.integrity.CheckRow;
import com.nemorouter.console.integrity.Finding;
import com.nemorouter.console.presence.PresenceEntry;
import com.nemorouter.console.team.TeamRow;
import com.nemorouter.console.testing.ConsoleRobot;
import com.nemorouter.console.testing.TestDatabases;
import com.nemorouter.console.ui.SqlPreview;

import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.text.Text;

import org.kordamp.ikonli.javafx.FontIcon;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Locate an id, open it in the browser, run the audit and open a finding: the real application, headless. */
class IntegrityUiTest extends ConsoleRobot {

    private Application application;

    /** Each test gets its own copy: the audit flow repairs a finding. */
    @BeforeEach
    void start() throws Exception {
        String databaseUrl = TestDatabases.url(TestDatabases.copyOfSeed());
        application = launchConsole("--url", databaseUrl);
        waitUntil(() -> lookup("#tool-locate").tryQuery().isPresent());
    }

    @AfterEach
    void stop() throws Exception {
        closeConsole(application);
    }

    @Test
    void locatesAnIdInAnySpellingAndOpensItsOrganization() {
        press(KeyCode.CONTROL, KeyCode.L).release(KeyCode.L, KeyCode.CONTROL);
        waitUntil(() -> lookup("#locate-input").tryQuery().map(Node::isVisible).orElse(false));
        clickOn("#locate-input").write("{" + GHOSTWIRE_NEMO_ONLY.toUpperCase(Locale.ROOT) + "}").type(KeyCode.ENTER);
        TableView<PresenceEntry> places = find("#locate-table");
        waitUntil(() -> !places.getItems().isEmpty());
        assertThat(places.getItems()).extracting(PresenceEntry::qualifiedTable)
                .contains("nemo.organizations", "nemo.credit_balances", "nemo.teams")
                .doesNotContain("public.LiteLLM_OrganizationTable");
        Hyperlink link = lookup((Node node) -> node instanceof Hyperlink h && h.getText().contains("Ghostwire Analytics")).query();
        clickOn(link);
        waitUntil(() -> GHOSTWIRE_NEMO_ONLY.equals(this.<TextField>find("#organization-id").getText()));
    }

    @Test
    void rejectsABrokenUuidWithWhatAValidOneLooksLike() {
        clickOn("#tool-locate");
        clickOn("#locate-input").write("550e8400-e29b").type(KeyCode.ENTER);
        Label error = find("#locate-error");
        waitUntil(error::isVisible);
        assertThat(error.getText()).contains("550e8400-e29b-41d4-a716-446655440000");
    }

    @Test
    void runsTheAuditAndOpensAFindingsMember() {
        press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.A).release(KeyCode.A, KeyCode.SHIFT, KeyCode.CONTROL);
        waitUntil(() -> lookup("#audit-run").tryQuery().map(Node::isVisible).orElse(false));
        clickOn("#audit-run");
        Label status = find("#audit-status");
        waitUntil(() -> status.getText().startsWith("15 checks"));
        assertThat(status.getText()).contains("9 findings");
        TableView<CheckRow> checks = find("#audit-checks");
        CheckRow notInOrg = checks.getItems().stream()
                .filter(row -> row.check().id().equals("team_member_not_in_org")).findFirst().orElseThrow();
        assertThat(notInOrg.count()).isEqualTo(1);
        interact(() -> checks.scrollTo(notInOrg));
        clickOn(from(checks).lookup("team_member_not_in_org").<Node>query());
        TableView<Finding> findings = find("#audit-findings");
        waitUntil(() -> findings.getItems().size() == 1);
        assertThat(findings.getItems().get(0).entityId()).isEqualTo(ROGUE_MEMBER_NOT_IN_ORG);
        doubleClickOn(idCell(findings, ROGUE_MEMBER_NOT_IN_ORG));
        waitUntil(() -> BLUE_HARBOR.equals(this.<TextField>find("#organization-id").getText())
                && ROGUE_MEMBER_NOT_IN_ORG.equals(this.<TextField>find("#member-id").getText()));
        assertThat(this.<TabPane>find("#organization-tabs").getSelectionModel().getSelectedItem().getText())
                .isEqualTo("Member");
        waitUntil(() -> organizationTable().getSelectionModel().getSelectedItem() != null);
        assertThat(organizationTable().getSelectionModel().getSelectedItem().id()).as("Open selects the organization")
                .isEqualTo(BLUE_HARBOR);
        assertThat(this.<Label>find("#audit-finding-detail").getText()).contains(ROGUE_MEMBER_NOT_IN_ORG);
        // Blue Harbor: its team's org mismatch, Dana's teams[] drift and Rory outside the org; Rory's own one.
        waitUntil(() -> this.<Label>find("#organization-audit-badge").isVisible());
        assertThat(this.<Label>find("#organization-audit-badge").getText()).isEqualTo("3 audit findings");
        waitUntil(() -> this.<Label>find("#member-audit-badge").isVisible());
        assertThat(this.<Label>find("#member-audit-badge").getText()).isEqualTo("1 audit finding");
    }

    @Test
    void badgesUseIconGlyphsAndARepairShowsHighlightedSqlBehindASafeConfirmation() {
        press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.A).release(KeyCode.A, KeyCode.SHIFT, KeyCode.CONTROL);
        waitUntil(() -> lookup("#audit-run").tryQuery().map(Node::isVisible).orElse(false));
        clickOn("#audit-run");
        Label status = find("#audit-status");
        waitUntil(() -> status.getText().startsWith("15 checks"));
        TableView<CheckRow> checks = find("#audit-checks");
        TableView<Finding> findings = find("#audit-findings");
        interact(() -> this.<TextField>find("#organization-search").setText("blue harbor"));
        waitUntil(() -> organizationTable().getItems().size() == 1);
        interact(() -> organizationTable().getSelectionModel().select(0));
        // Blue Harbor: its team's org mismatch, Dana's teams[] drift and Rory outside the org.
        waitUntil(() -> this.<Label>find("#organization-audit-badge").isVisible());
        // The badge's mark is an icon-font glyph, not a ✘ character the system font may lack.
        Label orgBadge = find("#organization-audit-badge");
        assertThat(orgBadge.getText()).isEqualTo("3 audit findings");
        assertThat(orgBadge.getGraphic()).isInstanceOf(FontIcon.class);
        assertThat(orgBadge.getGraphic().getStyleClass()).contains("icon--error");

        // Repair one finding: preview the SQL, run it, and see its check re-run clean.
        interact(() -> this.<TextField>find("#organization-search").setText("ghostwire"));
        waitUntil(() -> organizationTable().getItems().size() == 1
                && !organizationTable().getItems().get(0).presence().isComplete());
        press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.A).release(KeyCode.A, KeyCode.SHIFT, KeyCode.CONTROL);
        CheckRow orgMissing = checks.getItems().stream()
                .filter(row -> row.check().id().equals("org_missing_in_litellm")).findFirst().orElseThrow();
        interact(() -> checks.scrollTo(orgMissing));
        clickOn(from(checks).lookup("org_missing_in_litellm").<Node>query());
        waitUntil(() -> findings.getItems().size() == 1
                && findings.getItems().get(0).entityId().equals(GHOSTWIRE_NEMO_ONLY));
        clickOn(idCell(findings, GHOSTWIRE_NEMO_ONLY));
        clickOn("#audit-repair");
        waitUntil(() -> lookup("#repair-sql").tryQuery().isPresent());
        SqlPreview sql = find("#repair-sql");
        assertThat(sql.getSql()).contains("insert into public.\"LiteLLM_OrganizationTable\"").contains(GHOSTWIRE_NEMO_ONLY);
        // Coloured runs that join back to exactly the SQL that runs.
        assertThat(sql.flow().getChildren().stream().map(node -> ((Text) node).getText())
                .collect(java.util.stream.Collectors.joining())).isEqualTo(sql.getSql());
        assertThat(sql.flow().getChildren()).anyMatch(node -> node.getStyleClass().contains("sql-keyword")
                && ((Text) node).getText().equals("insert"));
        assertThat(sql.flow().getChildren()).anyMatch(node -> node.getStyleClass().contains("sql-comment"));
        // The theme's CSS colours them: a keyword is not drawn in the plain text's colour.
        Text keyword = (Text) sql.flow().getChildren().stream()
                .filter(node -> node.getStyleClass().contains("sql-keyword")).findFirst().orElseThrow();
        Text plain = (Text) sql.flow().getChildren().stream()
                .filter(node -> node.getStyleClass().contains("sql-plain")).findFirst().orElseThrow();
        assertThat(keyword.getFill()).isNotEqualTo(plain.getFill());
        // The confirm button names the action, is styled as dangerous and is never the default: Enter and
        // Escape both cancel, and nothing is written.
        Button run = find("#repair-run");
        assertThat(run.getText()).matches("Repair: run [1-9][0-9]* statements?");
        assertThat(run.getStyleClass()).contains("danger");
        assertThat(run.isDefaultButton()).isFalse();
        assertThat(this.<Button>find("#repair-cancel").isDefaultButton()).isTrue();
        press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
        waitUntil(() -> lookup("#repair-sql").tryQuery().isEmpty());
        assertThat(findings.getItems()).extracting(Finding::entityId).containsExactly(GHOSTWIRE_NEMO_ONLY);
        assertThat(status.getText()).doesNotStartWith("Repaired");
        clickOn("#audit-repair");
        waitUntil(() -> lookup("#repair-sql").tryQuery().isPresent());
        press(KeyCode.ENTER).release(KeyCode.ENTER);
        waitUntil(() -> lookup("#repair-sql").tryQuery().isEmpty());
        assertThat(findings.getItems()).extracting(Finding::entityId).containsExactly(GHOSTWIRE_NEMO_ONLY);
        clickOn("#audit-repair");
        waitUntil(() -> lookup("#repair-sql").tryQuery().isPresent());
        clickOn("#repair-run");
        waitUntil(() -> status.getText().startsWith("Repaired: Create LiteLLM organization " + GHOSTWIRE_NEMO_ONLY));
        assertThat(status.getText()).contains("2 audit records written to LiteLLM_AuditLog")
                .contains("org_missing_in_litellm now has 0 findings");
        assertThat(findings.getItems()).isEmpty();
        // The repair changed presence: the list re-reads it without a new search.
        waitUntil(() -> organizationTable().getItems().size() == 1
                && organizationTable().getItems().get(0).presence().isComplete());
    }

    @Test
    void openingATeamOrgMismatchShowsTheTeamInItsOrganization() {
        press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.A).release(KeyCode.A, KeyCode.SHIFT, KeyCode.CONTROL);
        waitUntil(() -> lookup("#audit-run").tryQuery().map(Node::isVisible).orElse(false));
        clickOn("#audit-run");
        Label status = find("#audit-status");
        waitUntil(() -> status.getText().startsWith("15 checks"));
        TableView<CheckRow> checks = find("#audit-checks");
        CheckRow mismatch = checks.getItems().stream()
                .filter(row -> row.check().id().equals("team_org_mismatch")).findFirst().orElseThrow();
        interact(() -> checks.scrollTo(mismatch));
        clickOn(from(checks).lookup("team_org_mismatch").<Node>query());
        TableView<Finding> findings = find("#audit-findings");
        waitUntil(() -> findings.getItems().size() == 1);
        Finding finding = findings.getItems().get(0);
        doubleClickOn(idCell(findings, finding.entityId()));
        waitUntil(() -> finding.organizationId().equals(this.<TextField>find("#organization-id").getText()));
        TableView<TeamRow> teams = find("#team-table");
        waitUntil(() -> teams.getSelectionModel().getSelectedItem() != null
                && teams.getSelectionModel().getSelectedItem().id().equals(finding.entityId()));
        assertThat(this.<TabPane>find("#organization-tabs").getSelectionModel().getSelectedItem().getText())
                .startsWith("Teams");
    }

}
