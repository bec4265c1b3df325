package com.nemorouter.console.organization;

import java.util.function.Consumer;

import com.nemorouter.console.presence.MarkCell;
import com.nemorouter.console.team.RosterEntry;
import com.nemorouter.console.team.TeamRow;
import com.nemorouter.console.ui.IdCell;
import com.nemorouter.console.ui.IdLinks;
import com.nemorouter.console.ui.Tables;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

/** The Teams tab: the organization's teams from both schemas, and the selected team's roster, history and spend. */
public final class OrganizationTeamsView {

    private final OrganizationDetailViewModel viewModel;
    private final IdLinks links;
    private final MembershipButtons buttons;
    private final Consumer<String> showMember;
    private String pendingTeam;

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
    private Button teamAddButton;
    @FXML
    private Button teamRoleButton;
    @FXML
    private Button teamRemoveButton;
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
    private Tab teamHistoryTab;
    @FXML
    private Tab teamSpendTab;

    /** @param showMember opens a user id in the organization screen's Member tab */
    OrganizationTeamsView(OrganizationDetailViewModel viewModel, IdLinks links, MembershipButtons buttons,
                          Consumer<String> showMember) {
        this.viewModel = viewModel;
        this.links = links;
        this.buttons = buttons;
        this.showMember = showMember;
    }

    @FXML
    private void initialize() {
        teamTable.setItems(viewModel.teamRows());
        Tables.bind(teamPresenceColumn, TeamRow::presenceText);
        teamPresenceColumn.setCellFactory(MarkCell.factory(TeamRow::presenceMark));
        Tables.bind(teamNameColumn, TeamRow::displayName);
        Tables.bind(teamIdColumn, TeamRow::id);
        teamIdColumn.setCellFactory(IdCell.factory());
        Tables.bind(teamNemoOrgColumn, team -> viewModel.teamOrganization(team.nemoOrganizationId()).text());
        teamNemoOrgColumn.setCellFactory(MarkCell.ids(team -> viewModel.teamOrganization(team.nemoOrganizationId()).mark()));
        Tables.bind(teamLiteLlmOrgColumn, team -> viewModel.teamOrganization(team.liteLlmOrganizationId()).text());
        teamLiteLlmOrgColumn.setCellFactory(
                MarkCell.ids(team -> viewModel.teamOrganization(team.liteLlmOrganizationId()).mark()));
        Tables.bind(teamMembersColumn, TeamRow::memberCount);
        teamTable.getSelectionModel().selectedItemProperty()
                .addListener((observable, old, team) -> viewModel.selectedTeamProperty().set(team));
        Tables.rowMenu(teamTable, TeamRow::id)
                .copy("Copy name", "team name", TeamRow::displayName)
                .locate(links)
                .action("Open the other organization (NemoRouter)", team -> links.openOrganization(team.nemoOrganizationId()),
                        team -> viewModel.isOtherOrganization(team.nemoOrganizationId()))
                .action("Open the other organization (LiteLLM)", team -> links.openOrganization(team.liteLlmOrganizationId()),
                        team -> viewModel.isOtherOrganization(team.liteLlmOrganizationId()))
                .install();

        rosterTitle.textProperty().bind(viewModel.rosterTitleProperty());
        rosterTable.setItems(viewModel.roster());
        Tables.bind(rosterEmailColumn, RosterEntry::email);
        Tables.bind(rosterUserColumn, RosterEntry::userId);
        rosterUserColumn.setCellFactory(IdCell.factory());
        Tables.bind(rosterRoleColumn, RosterEntry::role);
        Tables.bind(rosterStatusColumn, RosterEntry::status);
        rosterStatusColumn.setCellFactory(MarkCell.factory(RosterEntry::mark));
        Tables.rowMenu(rosterTable, RosterEntry::userId)
                .copy("Copy email", "email", RosterEntry::email)
                .locate(links)
                .action("Open member", entry -> showMember.accept(entry.userId()))
                .install();
        Tables.openOnEnter(rosterTable, entry -> showMember.accept(entry.userId()));

        var noTeam = viewModel.selectedTeamProperty().isNull();
        var noRosterEntry = rosterTable.getSelectionModel().selectedItemProperty().isNull();
        buttons.bind(teamAddButton, noTeam, "Select a team first.");
        buttons.bind(teamRoleButton, noTeam.or(noRosterEntry), "Select a roster entry first.");
        buttons.bind(teamRemoveButton, noTeam.or(noRosterEntry), "Select a roster entry first.");
        viewModel.selectedTeamProperty().addListener((observable, old, team) -> {
            if (team != null && !team.equals(teamTable.getSelectionModel().getSelectedItem())) {
                teamTable.getSelectionModel().select(team);
            }
        });
        viewModel.teamRows().addListener((ListChangeListener<TeamRow>) change -> selectPendingTeam());
    }

    /** Selects {@code teamId} once the organization's teams are loaded. */
    void showTeam(String teamId) {
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

    @FXML
    private void addTeamMembers() {
        buttons.open(teamAddButton, viewModel.addTeamMembers());
    }

    @FXML
    private void changeTeamRole() {
        buttons.open(teamRoleButton, viewModel.changeTeamRole(rosterTable.getSelectionModel().getSelectedItem()));
    }

    @FXML
    private void removeTeamMember() {
        buttons.open(teamRemoveButton, viewModel.removeTeamMember(rosterTable.getSelectionModel().getSelectedItem()));
    }

    void setTeamSpendContent(Node spend) {
        teamSpendTab.setContent(spend);
    }

    ReadOnlyBooleanProperty teamSpendShownProperty() {
        return teamSpendTab.selectedProperty();
    }

    void setTeamHistoryContent(Node history) {
        teamHistoryTab.setContent(history);
    }
}
