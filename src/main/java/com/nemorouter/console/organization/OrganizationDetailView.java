package com.nemorouter.console.organization;

import java.util.function.Consumer;

import com.nemorouter.console.member.MemberRow;
import com.nemorouter.console.membership.MembershipDialog;
import com.nemorouter.console.membership.MembershipDialogViewModel;
import com.nemorouter.console.ui.Icons;
import com.nemorouter.console.ui.Dialogs;
import com.nemorouter.console.presence.PresenceFlowView;
import com.nemorouter.console.team.RosterEntry;
import com.nemorouter.console.team.TeamRow;
import com.nemorouter.console.ui.Copying;
import com.nemorouter.console.ui.IdCell;
import com.nemorouter.console.ui.IdLinks;
import com.nemorouter.console.ui.Tables;

import javafx.beans.binding.Bindings;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.VBox;

/** One organization: its UUID, both names side by side, presence, teams with rosters, members. */
public final class OrganizationDetailView {

    private final OrganizationDetailViewModel viewModel;
    private final Consumer<String> openMember;
    private final IdLinks links;
    private final PresenceFlowView presenceFlow = new PresenceFlowView();
    private String pendingTeam;

    @FXML
    private VBox root;
    @FXML
    private Label titleLabel;
    @FXML
    private Label auditBadge;
    @FXML
    private TextField idField;
    @FXML
    private Label nemoNameLabel;
    @FXML
    private Label liteLlmAliasLabel;
    @FXML
    private Label slugLabel;
    @FXML
    private Label planLabel;
    @FXML
    private Label errorLabel;
    @FXML
    private Label noticeLabel;
    @FXML
    private Tab historyTab;
    @FXML
    private Tab spendTab;
    @FXML
    private Tab teamSpendTab;
    @FXML
    private Tab teamHistoryTab;
    @FXML
    private Button orgAddButton;
    @FXML
    private Button orgRoleButton;
    @FXML
    private Button orgRemoveButton;
    @FXML
    private Button teamAddButton;
    @FXML
    private Button teamRoleButton;
    @FXML
    private Button teamRemoveButton;
    @FXML
    private TabPane tabs;
    @FXML
    private Tab presenceTab;
    @FXML
    private Tab teamsTab;
    @FXML
    private Tab membersTab;
    @FXML
    private Tab memberTab;
    @FXML
    private VBox presenceBox;
    @FXML
    private TableView<TeamRow> teamTable;
    @FXML
    private TableColumn<TeamRow, String> teamPresenceColumn;
    @FXML
    private TableColumn<TeamRow, String> teamNameColumn;
    @FXML
    private TableColumn<TeamRow, String> teamIdColumn;
    @FXML
    private TableColumn<TeamRow, String> teamNemoOrgColumn;
    @FXML
    private TableColumn<TeamRow, String> teamLiteLlmOrgColumn;
    @FXML
    private TableColumn<TeamRow, Long> teamMembersColumn;
    @FXML
    private Label rosterTitle;
    @FXML
    private TableView<RosterEntry> rosterTable;
    @FXML
    private TableColumn<RosterEntry, String> rosterEmailColumn;
    @FXML
    private TableColumn<RosterEntry, String> rosterUserColumn;
    @FXML
    private TableColumn<RosterEntry, String> rosterRoleColumn;
    @FXML
    private TableColumn<RosterEntry, String> rosterStatusColumn;
    @FXML
    private Label membersSummary;
    @FXML
    private TableView<MemberRow> memberTable;
    @FXML
    private TableColumn<MemberRow, String> memberEmailColumn;
    @FXML
    private TableColumn<MemberRow, String> memberIdColumn;
    @FXML
    private TableColumn<MemberRow, String> memberRoleColumn;
    @FXML
    private TableColumn<MemberRow, String> memberAuthColumn;
    @FXML
    private TableColumn<MemberRow, String> memberTeamsColumn;
    @FXML
    private TableColumn<MemberRow, Long> memberKeysColumn;

    /**
     * @param openMember shows a user id in the member tab (the composition root wires the member view)
     */
    private final Dialogs dialogs;

    public OrganizationDetailView(OrganizationDetailViewModel viewModel, Consumer<String> openMember, Dialogs dialogs,
                                  IdLinks links) {
        this.dialogs = dialogs;
        this.viewModel = viewModel;
        this.openMember = openMember;
        this.links = links;
    }

    @FXML
    private void initialize() {
        presenceBox.getChildren().add(presenceFlow.node());
        errorLabel.textProperty().bind(viewModel.errorProperty());
        errorLabel.visibleProperty().bind(viewModel.errorProperty().isNotEmpty());
        errorLabel.managedProperty().bind(errorLabel.visibleProperty());

        teamTable.setItems(viewModel.teamRows());
        Tables.bind(teamPresenceColumn, TeamRow::presenceText);
        teamPresenceColumn.setCellFactory(column -> new MarkCell<>());
        Tables.bind(teamNameColumn, TeamRow::displayName);
        Tables.bind(teamIdColumn, TeamRow::id);
        Tables.bind(teamNemoOrgColumn, team -> orgText(team.nemoOrganizationId()));
        Tables.bind(teamLiteLlmOrgColumn, team -> orgText(team.liteLlmOrganizationId()));
        teamIdColumn.setCellFactory(IdCell.factory());
        teamNemoOrgColumn.setCellFactory(IdCell.factory());
        teamLiteLlmOrgColumn.setCellFactory(IdCell.factory());
        Tables.bind(teamMembersColumn, TeamRow::memberCount);
        teamTable.getSelectionModel().selectedItemProperty()
                .addListener((observable, old, team) -> viewModel.selectedTeamProperty().set(team));
        Tables.rowMenu(teamTable, TeamRow::id)
                .copy("Copy name", "team name", TeamRow::displayName)
                .locate(links)
                .action("Open the other organization (NemoRouter)", team -> links.openOrganization(team.nemoOrganizationId()),
                        team -> isOther(team.nemoOrganizationId()))
                .action("Open the other organization (LiteLLM)", team -> links.openOrganization(team.liteLlmOrganizationId()),
                        team -> isOther(team.liteLlmOrganizationId()))
                .install();

        rosterTitle.textProperty().bind(viewModel.rosterTitleProperty());
        rosterTable.setItems(viewModel.roster());
        Tables.bind(rosterEmailColumn, RosterEntry::email);
        Tables.bind(rosterUserColumn, RosterEntry::userId);
        rosterUserColumn.setCellFactory(IdCell.factory());
        Tables.bind(rosterRoleColumn, RosterEntry::role);
        Tables.bind(rosterStatusColumn, RosterEntry::status);
        rosterStatusColumn.setCellFactory(column -> new MarkCell<>());
        Tables.rowMenu(rosterTable, RosterEntry::userId)
                .copy("Copy email", "email", RosterEntry::email)
                .locate(links)
                .action("Open member", entry -> showMember(entry.userId()))
                .install();
        Tables.openOnEnter(rosterTable, entry -> showMember(entry.userId()));

        membersSummary.textProperty().bind(viewModel.membersSummaryProperty());
        memberTable.setItems(viewModel.memberRows());
        Tables.bind(memberEmailColumn, MemberRow::email);
        Tables.bind(memberIdColumn, MemberRow::userId);
        memberIdColumn.setCellFactory(IdCell.factory());
        Tables.bind(memberRoleColumn, MemberRow::role);
        Tables.bind(memberAuthColumn, member -> member.authMatch().text());
        memberAuthColumn.setCellFactory(column -> new MarkCell<>());
        Tables.bind(memberTeamsColumn, MemberRow::teams);
        Tables.bind(memberKeysColumn, MemberRow::keyCount);
        Tables.rowMenu(memberTable, MemberRow::userId)
                .copy("Copy email", "email", MemberRow::email)
                .locate(links)
                .action("Open member", member -> showMember(member.userId()))
                .install();
        Tables.openOnEnter(memberTable, member -> showMember(member.userId()));

        noticeLabel.textProperty().bind(viewModel.noticeProperty());
        noticeLabel.visibleProperty().bind(viewModel.noticeProperty().isNotEmpty());
        noticeLabel.managedProperty().bind(noticeLabel.visibleProperty());
        var noMember = memberTable.getSelectionModel().selectedItemProperty().isNull();
        var noTeam = viewModel.selectedTeamProperty().isNull();
        var noRosterEntry = rosterTable.getSelectionModel().selectedItemProperty().isNull();
        editControl(orgAddButton, Bindings.createBooleanBinding(() -> false), "");
        editControl(orgRoleButton, noMember, "Select a member first.");
        editControl(orgRemoveButton, noMember, "Select a member first.");
        editControl(teamAddButton, noTeam, "Select a team first.");
        editControl(teamRoleButton, noTeam.or(noRosterEntry), "Select a roster entry first.");
        editControl(teamRemoveButton, noTeam.or(noRosterEntry), "Select a roster entry first.");
        viewModel.selectedTeamProperty().addListener((observable, old, team) -> {
            if (team != null && !team.equals(teamTable.getSelectionModel().getSelectedItem())) {
                teamTable.getSelectionModel().select(team);
            }
        });

        viewModel.teamRows().addListener((javafx.collections.ListChangeListener<TeamRow>) change -> selectPendingTeam());
        memberTab.setDisable(true);
        viewModel.detailProperty().addListener((observable, old, detail) -> show(detail));
        show(null);
    }

    private boolean isOther(String organizationId) {
        OrganizationDetail detail = viewModel.detailProperty().get();
        return organizationId != null && detail != null && !organizationId.equals(detail.id());
    }

    private String orgText(String organizationId) {
        OrganizationDetail detail = viewModel.detailProperty().get();
        if (organizationId == null) {
            return "✘ none";
        }
        return detail != null && organizationId.equals(detail.id()) ? "this org" : "✘ other: " + organizationId;
    }

    private void show(OrganizationDetail detail) {
        root.setDisable(detail == null);
        if (detail == null) {
            titleLabel.setText("Select an organization");
            idField.setText("");
            nemoNameLabel.setText("");
            liteLlmAliasLabel.setText("");
            slugLabel.setText("");
            planLabel.setText("");
            presenceFlow.clear();
            // No counts of an organization that is no longer shown.
            teamsTab.setText("Teams");
            membersTab.setText("Members");
            showAuditBadge("");
            return;
        }
        titleLabel.setText(detail.displayName() + "   " + detail.corePresence().badge());
        idField.setText(detail.id());
        nemoNameLabel.setText(detail.nemoName() == null ? "✘ MISSING in nemo.organizations" : detail.nemoName());
        liteLlmAliasLabel.setText(detail.liteLlmAlias() == null
                ? "✘ MISSING in LiteLLM_OrganizationTable" : detail.liteLlmAlias());
        mark(nemoNameLabel, detail.nemoName() == null);
        mark(liteLlmAliasLabel, detail.liteLlmAlias() == null);
        slugLabel.setText("Slug: " + OrganizationRow.orDash(detail.slug()));
        planLabel.setText("Plan: " + OrganizationRow.orDash(detail.plan()));
        boolean backendOk = detail.authContextOrgId() != null;
        presenceFlow.show(detail.presence(), backendOk
                ? "AuthContext.org_id = " + detail.authContextOrgId() + " (read from row[\"organization_id\"])"
                : "No LiteLLM organization: no key can resolve to AuthContext.org_id " + detail.id(), backendOk);
        teamsTab.setText("Teams " + detail.teams().size());
        membersTab.setText("Members " + detail.memberTotal());
    }

    private static void mark(Label label, boolean missing) {
        label.getStyleClass().remove("mark--missing");
        if (missing) {
            label.getStyleClass().add("mark--missing");
        }
    }

    /** Shows the Teams tab with {@code teamId} selected once the organization's teams are loaded. */
    public void showTeam(String teamId) {
        if (teamId == null) {
            return;
        }
        tabs.getSelectionModel().select(teamsTab);
        pendingTeam = teamId;
        selectPendingTeam();
    }

    private void selectPendingTeam() {
        if (pendingTeam == null) {
            return;
        }
        viewModel.teamRows().stream().filter(team -> team.id().equals(pendingTeam)).findFirst().ifPresent(team -> {
            pendingTeam = null;
            teamTable.getSelectionModel().select(team);
            teamTable.scrollTo(team);
        });
    }

    /** Shows {@code userId} in the member tab (also the target of locate and audit links). */
    public void showMember(String userId) {
        if (userId == null) {
            return;
        }
        openMember.accept(userId);
        memberTab.setDisable(false);
        tabs.getSelectionModel().select(memberTab);
    }

    /**
     * Disables an edit button while the console is read-only (with the reason as tooltip) or while
     * {@code missingSelection} holds (with {@code hint}).
     */
    private void editControl(Button button, ObservableBooleanValue missingSelection, String hint) {
        StringProperty reason = viewModel.editDisabledReasonProperty();
        button.disableProperty().bind(reason.isNotEmpty().or(Bindings.createBooleanBinding(missingSelection::get,
                missingSelection)));
        Tooltip tooltip = new Tooltip();
        tooltip.textProperty().bind(reason.map(why -> why.isEmpty() ? hint : why));
        button.setTooltip(tooltip);
        // JavaFX shows no tooltip over a disabled control: the toolbar around it carries the reason too.
        Tooltip toolbarTooltip = new Tooltip();
        toolbarTooltip.textProperty().bind(reason);
        reason.subscribe(why -> {
            if (why.isEmpty()) {
                Tooltip.uninstall(button.getParent(), toolbarTooltip);
            } else {
                Tooltip.install(button.getParent(), toolbarTooltip);
            }
        });
    }

    @FXML
    private void addOrganizationMembers() {
        openDialog(viewModel.addOrganizationMembers());
    }

    @FXML
    private void changeOrganizationRole() {
        openDialog(viewModel.changeOrganizationRole(memberTable.getSelectionModel().getSelectedItem()));
    }

    @FXML
    private void removeOrganizationMember() {
        openDialog(viewModel.removeOrganizationMember(memberTable.getSelectionModel().getSelectedItem()));
    }

    @FXML
    private void addTeamMembers() {
        openDialog(viewModel.addTeamMembers());
    }

    @FXML
    private void changeTeamRole() {
        openDialog(viewModel.changeTeamRole(rosterTable.getSelectionModel().getSelectedItem()));
    }

    @FXML
    private void removeTeamMember() {
        openDialog(viewModel.removeTeamMember(rosterTable.getSelectionModel().getSelectedItem()));
    }

    private void openDialog(MembershipDialogViewModel dialog) {
        new MembershipDialog(dialog, dialogs).show(root.getScene().getWindow());
    }

    /** Hosts the organization's spend at a glance (its own feature, wired by the composition root). */
    public void setSpendContent(Node spend) {
        spendTab.setContent(spend);
    }

    /** Hosts the selected team's spend beside its roster and history. */
    public void setTeamSpendContent(Node spend) {
        teamSpendTab.setContent(spend);
    }

    /** True while the Team spend tab is showing. */
    public javafx.beans.property.ReadOnlyBooleanProperty teamSpendShownProperty() {
        return teamSpendTab.selectedProperty();
    }

    /** True while the Spend tab is showing: its reads run only then. */
    public javafx.beans.property.ReadOnlyBooleanProperty spendShownProperty() {
        return spendTab.selectedProperty();
    }

    /** Hosts the organization's History (audit records, newest first). */
    public void setHistoryContent(Node history) {
        historyTab.setContent(history);
    }

    /** Hosts the selected team's History beside its roster. */
    public void setTeamHistoryContent(Node history) {
        teamHistoryTab.setContent(history);
    }

    /** Hosts the member view in the member tab. */
    public void setMemberContent(Node memberView) {
        memberTab.setContent(memberView);
    }

    /** The integrity audit's badge for what is shown (empty hides it); set by the composition root. */
    public void showAuditBadge(String text) {
        Icons.showMarked(auditBadge, text);
        auditBadge.setVisible(!text.isEmpty());
        auditBadge.setManaged(!text.isEmpty());
    }

    public void focus() {
        tabs.requestFocus();
    }

    @FXML
    private void copyId() {
        Copying.copy(idField, "organization UUID", idField.getText());
    }

    /** Text cells that turn red when they carry a ✘ mark (the mark itself keeps them readable without colour). */
    static final class MarkCell<S> extends TableCell<S, String> {
        @Override
        protected void updateItem(String text, boolean empty) {
            super.updateItem(text, empty);
            getStyleClass().remove("mark--missing");
            setText(empty ? null : text);
            if (!empty && text != null && (text.startsWith("✘") || text.startsWith("⚠"))) {
                getStyleClass().add("mark--missing");
            }
        }
    }
}
