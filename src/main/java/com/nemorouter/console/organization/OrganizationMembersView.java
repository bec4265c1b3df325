package com.nemorouter.console.organization;

import java.util.function.Consumer;

import com.nemorouter.console.member.MemberRow;
import com.nemorouter.console.presence.MarkCell;
import com.nemorouter.console.ui.IdCell;
import com.nemorouter.console.ui.IdLinks;
import com.nemorouter.console.ui.Tables;

import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

/** The Members tab: the organization's LiteLLM members, each checked against auth.users and the team rosters. */
public final class OrganizationMembersView {

    private final OrganizationDetailViewModel viewModel;
    private final IdLinks links;
    private final MembershipButtons buttons;
    private final Consumer<String> showMember;

    @FXML
    private Label membersSummary;
    @FXML
    private Label memberPlaceholder;
    @FXML
    private Button orgAddButton;
    @FXML
    private Button orgRoleButton;
    @FXML
    private Button orgRemoveButton;
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

    /** @param showMember opens a user id in the organization screen's Member tab */
    OrganizationMembersView(OrganizationDetailViewModel viewModel, IdLinks links, MembershipButtons buttons,
                            Consumer<String> showMember) {
        this.viewModel = viewModel;
        this.links = links;
        this.buttons = buttons;
        this.showMember = showMember;
    }

    @FXML
    private void initialize() {
        membersSummary.textProperty().bind(viewModel.membersSummaryProperty());
        memberPlaceholder.textProperty().bind(viewModel.membersPlaceholderProperty());
        memberTable.setItems(viewModel.memberRows());
        Tables.bind(memberEmailColumn, MemberRow::email);
        Tables.bind(memberIdColumn, MemberRow::userId);
        memberIdColumn.setCellFactory(IdCell.factory());
        Tables.bind(memberRoleColumn, MemberRow::role);
        Tables.bind(memberAuthColumn, member -> member.authMatch().text());
        memberAuthColumn.setCellFactory(MarkCell.factory(member -> member.authMatch().mark()));
        Tables.bind(memberTeamsColumn, MemberRow::teams);
        Tables.bind(memberKeysColumn, MemberRow::keyCount);
        Tables.rowMenu(memberTable, MemberRow::userId)
                .copy("Copy email", "email", MemberRow::email)
                .locate(links)
                .action("Open member", member -> showMember.accept(member.userId()))
                .install();
        Tables.openOnEnter(memberTable, member -> showMember.accept(member.userId()));

        var noMember = memberTable.getSelectionModel().selectedItemProperty().isNull();
        // "Already a member" in the add dialog needs the member list: adding waits until it is read.
        buttons.bind(orgAddButton, viewModel.membersLoadingProperty(), "Add users to this organization (once its members are loaded).");
        buttons.bind(orgRoleButton, noMember, "Select a member first.");
        buttons.bind(orgRemoveButton, noMember, "Select a member first.");
    }

    @FXML
    private void addOrganizationMembers() {
        buttons.open(orgAddButton, viewModel.addOrganizationMembers());
    }

    @FXML
    private void changeOrganizationRole() {
        buttons.open(orgRoleButton, viewModel.changeOrganizationRole(memberTable.getSelectionModel().getSelectedItem()));
    }

    @FXML
    private void removeOrganizationMember() {
        buttons.open(orgRemoveButton, viewModel.removeOrganizationMember(memberTable.getSelectionModel().getSelectedItem()));
    }
}
