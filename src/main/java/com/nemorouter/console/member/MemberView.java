package com.nemorouter.console.member;

import com.nemorouter.console.presence.MarkCell;
import com.nemorouter.console.presence.PresenceFlowView;
import com.nemorouter.console.presence.PresenceReport;
import com.nemorouter.console.ui.Icons;
import com.nemorouter.console.ui.Copying;
import com.nemorouter.console.ui.IdCell;
import com.nemorouter.console.ui.IdLinks;
import com.nemorouter.console.ui.Tables;

import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.Tab;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** One user id: presence in auth and LiteLLM, org memberships and team rosters. */
public final class MemberView {

    private final MemberViewModel viewModel;
    private final PresenceFlowView presenceFlow = new PresenceFlowView();
    private final IdLinks links;

    @FXML
    private Label titleLabel;
    @FXML
    private Label auditBadge;
    @FXML
    private TextField idField;
    @FXML
    private Label errorLabel;
    @FXML
    private Label summaryLabel;
    @FXML
    private VBox presenceBox;
    @FXML
    private Tab presenceTab;
    @FXML
    private VBox historyBox;
    @FXML
    private VBox spendBox;
    @FXML
    private TableView<MemberDetail.Organization> organizationTable;
    @FXML
    private TableColumn<MemberDetail.Organization, String> orgNameColumn;
    @FXML
    private TableColumn<MemberDetail.Organization, String> orgIdColumn;
    @FXML
    private TableColumn<MemberDetail.Organization, String> orgRoleColumn;
    @FXML
    private TableView<MemberDetail.Team> teamTable;
    @FXML
    private Label teamPlaceholder;
    @FXML
    private TableColumn<MemberDetail.Team, String> teamNameColumn;
    @FXML
    private TableColumn<MemberDetail.Team, String> teamIdColumn;
    @FXML
    private TableColumn<MemberDetail.Team, String> teamRoleColumn;
    @FXML
    private TableColumn<MemberDetail.Team, String> teamArrayColumn;

    public MemberView(MemberViewModel viewModel, IdLinks links) {
        this.viewModel = viewModel;
        this.links = links;
    }

    @FXML
    private void initialize() {
        presenceBox.getChildren().add(presenceFlow.node());
        viewModel.presenceShownProperty().bind(presenceTab.selectedProperty());
        errorLabel.textProperty().bind(viewModel.errorProperty());
        errorLabel.visibleProperty().bind(viewModel.errorProperty().isNotEmpty());
        errorLabel.managedProperty().bind(errorLabel.visibleProperty());
        Tables.bind(orgNameColumn, MemberDetail.Organization::name);
        Tables.bind(orgIdColumn, MemberDetail.Organization::organizationId);
        Tables.bind(orgRoleColumn, MemberDetail.Organization::role);
        Tables.bind(teamNameColumn, MemberDetail.Team::name);
        Tables.bind(teamIdColumn, MemberDetail.Team::teamId);
        Tables.bind(teamRoleColumn, MemberDetail.Team::role);
        Tables.bind(teamArrayColumn, MemberViewModel::teamListing);
        teamArrayColumn.setCellFactory(MarkCell.withTooltip(MemberViewModel::teamListingMark));
        orgIdColumn.setCellFactory(IdCell.factory());
        teamIdColumn.setCellFactory(IdCell.factory());
        Tables.rowMenu(organizationTable, MemberDetail.Organization::organizationId)
                .copy("Copy name", "organization name", MemberDetail.Organization::name)
                .locate(links)
                .action("Open organization", org -> links.openOrganization(org.organizationId()))
                .install();
        Tables.rowMenu(teamTable, MemberDetail.Team::teamId)
                .copy("Copy name", "team name", MemberDetail.Team::name)
                .locate(links)
                .action("Open the team's organization", team -> links.openOrganization(team.organizationId()),
                        team -> team.organizationId() != null)
                .install();
        teamTable.setItems(viewModel.teams());
        teamPlaceholder.textProperty().bind(viewModel.teamsPlaceholderProperty());
        viewModel.detailProperty().addListener((observable, old, detail) -> show(detail));
        viewModel.presenceProperty().addListener((observable, old, report) -> showPresence());
        viewModel.presenceNoteProperty().addListener((observable, old, note) -> showPresence());
    }

    private void showPresence() {
        PresenceReport report = viewModel.presenceProperty().get();
        if (report == null) {
            presenceFlow.clear();
            return;
        }
        presenceFlow.show(report, viewModel.presenceNoteProperty().get(), null, true);
    }

    private void show(MemberDetail detail) {
        if (detail == null) {
            titleLabel.setText("");
            idField.setText("");
            summaryLabel.setText("");
            organizationTable.getItems().clear();
            return;
        }
        titleLabel.setText(detail.email() == null ? "(no email)" : detail.email()
                + (detail.fullName() == null ? "" : " · " + detail.fullName()));
        idField.setText(detail.userId());
        summaryLabel.setText("Supabase user: " + (detail.inAuth() ? "✔ present" : "✘ MISSING")
                + "   LiteLLM user: " + (detail.inLiteLlm() ? "✔ present" : "✘ MISSING")
                + "   Global role: " + (detail.globalRole() == null ? "-" : detail.globalRole())
                + "   Keys: " + detail.keyCount()
                + (detail.nonCanonicalUuid() ? "\n✘ The id is not lowercase canonical: LiteLLM's text joins miss "
                        + detail.userId().toLowerCase(java.util.Locale.ROOT) : ""));
        organizationTable.getItems().setAll(detail.organizations());
    }

    /** The integrity audit's badge for what is shown (empty hides it); set by the composition root. */
    public void showAuditBadge(String text) {
        Icons.showBadge(auditBadge, text);
    }

    @FXML
    private void copyId() {
        Copying.copy(idField, "user UUID", idField.getText());
    }

    /** Hosts the member's History (audit records about this user id). */
    /** Hosts the member's spend at a glance (the spend feature, wired by the composition root). */
    public void setSpendContent(Node spend) {
        VBox.setVgrow(spend, Priority.ALWAYS);
        spendBox.getChildren().setAll(spend);
    }

    public void setHistoryContent(Node history) {
        VBox.setVgrow(history, Priority.ALWAYS);
        historyBox.getChildren().setAll(history);
    }
}
