package com.nemorouter.console.organization;

import java.util.function.Consumer;

import com.nemorouter.console.ui.Dialogs;
import com.nemorouter.console.ui.IdLinks;
import com.nemorouter.console.ui.ViewLoader;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.VBox;

/**
 * One organization: composes the header and one view per tab (presence, teams with rosters, members), hosts
 * the tabs other features fill (spend, history, the member view), and routes "show this team / user".
 */
public final class OrganizationDetailView {

    private final OrganizationDetailViewModel viewModel;
    private final Consumer<String> openMember;
    private final OrganizationHeaderView header;
    private final OrganizationPresenceView presence;
    private final OrganizationTeamsView teams;
    private final OrganizationMembersView members;

    @FXML
    private VBox root;
    @FXML
    private Label errorLabel;
    @FXML
    private Label noticeLabel;
    @FXML
    private TabPane tabs;
    @FXML
    private Tab presenceTab;
    @FXML
    private Tab teamsTab;
    @FXML
    private Tab membersTab;
    @FXML
    private Tab spendTab;
    @FXML
    private Tab historyTab;
    @FXML
    private Tab memberTab;

    /**
     * @param openMember shows a user id in the member tab (the composition root wires the member view)
     */
    public OrganizationDetailView(OrganizationDetailViewModel viewModel, Consumer<String> openMember, Dialogs dialogs,
                                  IdLinks links) {
        this.viewModel = viewModel;
        this.openMember = openMember;
        MembershipButtons buttons = new MembershipButtons(viewModel.editDisabledReasonProperty(), dialogs);
        this.header = new OrganizationHeaderView(viewModel);
        this.presence = new OrganizationPresenceView(viewModel);
        this.teams = new OrganizationTeamsView(viewModel, links, buttons, this::showMember);
        this.members = new OrganizationMembersView(viewModel, links, buttons, this::showMember);
    }

    @FXML
    private void initialize() {
        root.getChildren().add(0, ViewLoader.load(header));
        presenceTab.setContent(ViewLoader.load(presence));
        teamsTab.setContent(ViewLoader.load(teams));
        membersTab.setContent(ViewLoader.load(members));
        errorLabel.textProperty().bind(viewModel.errorProperty());
        errorLabel.visibleProperty().bind(viewModel.errorProperty().isNotEmpty());
        errorLabel.managedProperty().bind(errorLabel.visibleProperty());
        noticeLabel.textProperty().bind(viewModel.noticeProperty());
        noticeLabel.visibleProperty().bind(viewModel.noticeProperty().isNotEmpty());
        noticeLabel.managedProperty().bind(noticeLabel.visibleProperty());
        memberTab.setDisable(true);
        // The member count comes from the presence count until the list itself is read, on the tab's first show.
        membersTab.textProperty().bind(viewModel.membersTabTitleProperty());
        viewModel.membersShownProperty().bind(membersTab.selectedProperty());
        viewModel.detailProperty().addListener((observable, old, detail) -> show(detail));
        show(viewModel.detailProperty().get());
    }

    private void show(OrganizationDetail detail) {
        root.setDisable(detail == null);
        // No counts of an organization that is no longer shown.
        teamsTab.setText(detail == null ? "Teams" : "Teams " + detail.teams().size());
    }

    /** Shows the Teams tab with {@code teamId} selected once the organization's teams are loaded. */
    public void showTeam(String teamId) {
        if (teamId == null) {
            return;
        }
        tabs.getSelectionModel().select(teamsTab);
        teams.showTeam(teamId);
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

    /** Hosts the organization's spend at a glance (its own feature, wired by the composition root). */
    public void setSpendContent(Node spend) {
        spendTab.setContent(spend);
    }

    /** Hosts the selected team's spend beside its roster and history. */
    public void setTeamSpendContent(Node spend) {
        teams.setTeamSpendContent(spend);
    }

    /** True while the Team spend tab is showing. */
    public ReadOnlyBooleanProperty teamSpendShownProperty() {
        return teams.teamSpendShownProperty();
    }

    /** True while the Spend tab is showing: its reads run only then. */
    public ReadOnlyBooleanProperty spendShownProperty() {
        return spendTab.selectedProperty();
    }

    /** Hosts the organization's History (audit records, newest first). */
    public void setHistoryContent(Node history) {
        historyTab.setContent(history);
    }

    /** Hosts the selected team's History beside its roster. */
    public void setTeamHistoryContent(Node history) {
        teams.setTeamHistoryContent(history);
    }

    /** Hosts the member view in the member tab. */
    public void setMemberContent(Node memberView) {
        memberTab.setContent(memberView);
    }

    /** The integrity audit's badge for what is shown (empty hides it); set by the composition root. */
    public void showAuditBadge(String text) {
        header.showAuditBadge(text);
    }

    public void focus() {
        tabs.requestFocus();
    }
}
