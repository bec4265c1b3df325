package com.nemorouter.console.organization;

import com.nemorouter.console.member.MemberRow;
import com.nemorouter.console.team.RosterEntry;
import com.nemorouter.console.team.TeamRow;
import com.nemorouter.console.team.TeamService;
import com.nemorouter.console.ui.TaskRunner;
import com.nemorouter.console.connection.FailureMessages;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** One organization: its detail record, its teams, a selected team's roster and its members. */
public final class OrganizationDetailViewModel {

    private final OrganizationService organizations;
    private final TeamService teams;
    private final TaskRunner tasks;

    private final ReadOnlyObjectWrapper<OrganizationDetail> detail = new ReadOnlyObjectWrapper<>();
    private final ObservableList<TeamRow> teamRows = FXCollections.observableArrayList();
    private final ObservableList<MemberRow> memberRows = FXCollections.observableArrayList();
    private final ObservableList<RosterEntry> roster = FXCollections.observableArrayList();
    private final ObjectProperty<TeamRow> selectedTeam = new SimpleObjectProperty<>();
    private final ReadOnlyStringWrapper rosterTitle = new ReadOnlyStringWrapper("Select a team to see its roster.");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper membersSummary = new ReadOnlyStringWrapper("");

    private int detailRequest;
    private int rosterRequest;

    public OrganizationDetailViewModel(OrganizationService organizations, TeamService teams, TaskRunner tasks) {
        this.organizations = organizations;
        this.teams = teams;
        this.tasks = tasks;
        selectedTeam.addListener((observable, old, team) -> loadRoster(team));
    }

    public void open(String organizationId) {
        int request = ++detailRequest;
        error.set("");
        tasks.run("Opening organization " + organizationId, () -> organizations.open(organizationId), found -> {
            if (request != detailRequest) {
                return;
            }
            if (found.isEmpty()) {
                clear();
                error.set("Organization " + organizationId + " no longer exists in either schema.");
                return;
            }
            OrganizationDetail loaded = found.get();
            detail.set(loaded);
            teamRows.setAll(loaded.teams());
            memberRows.setAll(loaded.members());
            membersSummary.set(loaded.memberTotal() > loaded.members().size()
                    ? "Showing " + loaded.members().size() + " of " + loaded.memberTotal() + " members"
                    : loaded.memberTotal() + (loaded.memberTotal() == 1 ? " member" : " members"));
            selectedTeam.set(null);
            roster.clear();
            rosterTitle.set("Select a team to see its roster.");
        }, failure -> {
            if (request == detailRequest) {
                error.set(FailureMessages.describe("Opening the organization", failure));
            }
        });
    }

    public void clear() {
        detailRequest++;
        detail.set(null);
        teamRows.clear();
        memberRows.clear();
        roster.clear();
        membersSummary.set("");
    }

    private void loadRoster(TeamRow team) {
        int request = ++rosterRequest;
        roster.clear();
        if (team == null) {
            rosterTitle.set("Select a team to see its roster.");
            return;
        }
        if (team.presence() == com.nemorouter.console.presence.Presence.NEMO_ONLY) {
            rosterTitle.set(team.displayName() + " has no LiteLLM team, so it has no roster.");
            return;
        }
        rosterTitle.set("Roster of " + team.displayName() + " (members_with_roles)");
        tasks.run("Loading roster of " + team.displayName(), () -> teams.roster(team.id()), entries -> {
            if (request == rosterRequest) {
                roster.setAll(entries);
                rosterTitle.set("Roster of " + team.displayName() + " (members_with_roles): "
                        + entries.size() + (entries.size() == 1 ? " member" : " members"));
            }
        }, failure -> {
            if (request == rosterRequest) {
                error.set(FailureMessages.describe("Loading the roster", failure));
            }
        });
    }

    public ReadOnlyObjectProperty<OrganizationDetail> detailProperty() {
        return detail.getReadOnlyProperty();
    }

    public ObservableList<TeamRow> teamRows() {
        return teamRows;
    }

    public ObservableList<MemberRow> memberRows() {
        return memberRows;
    }

    public ObservableList<RosterEntry> roster() {
        return roster;
    }

    public ObjectProperty<TeamRow> selectedTeamProperty() {
        return selectedTeam;
    }

    public ReadOnlyStringProperty rosterTitleProperty() {
        return rosterTitle.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty membersSummaryProperty() {
        return membersSummary.getReadOnlyProperty();
    }
}
