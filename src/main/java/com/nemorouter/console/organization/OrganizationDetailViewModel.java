package com.nemorouter.console.organization;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.nemorouter.console.connection.FailureMessages;
import com.nemorouter.console.member.MemberRow;
import com.nemorouter.console.membership.EditResult;
import com.nemorouter.console.membership.EditTarget;
import com.nemorouter.console.membership.MembershipDialogViewModel;
import com.nemorouter.console.membership.MembershipEdit.Operation;
import com.nemorouter.console.membership.MembershipEdit.Scope;
import com.nemorouter.console.membership.MembershipEditing;
import com.nemorouter.console.membership.UserChoice;
import com.nemorouter.console.member.MemberQueries;
import com.nemorouter.console.presence.Mark;
import com.nemorouter.console.presence.Marked;
import com.nemorouter.console.presence.PresenceReport;
import com.nemorouter.console.team.RosterEntry;
import com.nemorouter.console.team.TeamRow;
import com.nemorouter.console.team.TeamService;
import com.nemorouter.console.ui.Latest;
import com.nemorouter.console.ui.TaskRunner;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * One organization: its detail record, its teams, a selected team's roster and its members. What is cheap shows
 * first (header, teams, the presence of indexed and small tables); the large tables' presence counts stream in
 * after, and the member list is read only once the Members tab shows. Each is a request of the organization's
 * generation ({@link Latest}): opening another organization or clearing cancels all of them, on the server too.
 */
// size: the state of one organization on screen: its three streamed reads (core, the large tables' counts, the
// member list) and the edits that re-read them share the organization shown and its request generation; split
// apart, each part would need both and the "what is still pending" rules would drift. Its marks live in
// OrganizationMarks, the edit dialogs in MembershipEditing.
public final class OrganizationDetailViewModel {

    private static final String NO_MEMBERS = "This organization has no members.";

    /** Where the member list of the organization shown stands. */
    private enum MembersRead { NOT_READ, READING, READ }

    private final OrganizationService organizations;
    private final TeamService teams;
    private final MembershipEditing editing;

    private final ReadOnlyObjectWrapper<OrganizationDetail> detail = new ReadOnlyObjectWrapper<>();
    /** The presence shown: the first read's, then with the large tables' counts filled in. */
    private final ReadOnlyObjectWrapper<PresenceReport> presence = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper presenceNote = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper membersTabTitle = new ReadOnlyStringWrapper("Members");
    private final ReadOnlyBooleanWrapper membersLoading = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper membersPlaceholder = new ReadOnlyStringWrapper(NO_MEMBERS);
    private final BooleanProperty membersShown = new SimpleBooleanProperty(false);
    private final ObservableList<TeamRow> teamRows = FXCollections.observableArrayList();
    private final ObservableList<MemberRow> memberRows = FXCollections.observableArrayList();
    private final ObservableList<RosterEntry> roster = FXCollections.observableArrayList();
    private final ObjectProperty<TeamRow> selectedTeam = new SimpleObjectProperty<>();
    private final ReadOnlyStringWrapper rosterTitle = new ReadOnlyStringWrapper("Select a team to see its roster.");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper membersSummary = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper("");
    private final ReadOnlyIntegerWrapper editsApplied = new ReadOnlyIntegerWrapper(0);
    private final StringProperty editDisabledReason = new SimpleStringProperty("");

    /**
     * The organization being loaded, with its streamed parts (the large tables' counts, the member list) as
     * follow-ups of the same generation; and the team roster. Each newer one supersedes the previous.
     */
    private final Latest opening;
    private final Latest rosterLoading;
    /** True once the current generation's first read has delivered (its detail is the one shown). */
    private boolean opened;
    private MembersRead membersRead = MembersRead.NOT_READ;

    public OrganizationDetailViewModel(OrganizationService organizations, TeamService teams, TaskRunner tasks,
                                       MembershipEditing editing) {
        this.organizations = organizations;
        this.teams = teams;
        this.opening = new Latest(tasks);
        this.rosterLoading = new Latest(tasks);
        this.editing = editing;
        selectedTeam.addListener((observable, old, team) -> loadRoster(team));
        // The list is read only while the user looks at it (an org's memberships are a scan of all of them).
        membersShown.addListener((observable, was, shown) -> {
            if (shown) {
                loadMembersIfUnread();
            }
        });
    }

    public void open(String organizationId) {
        notice.set("");
        load(organizationId, null);
    }

    /** Re-reads the open organization, keeping the selected team (after an edit, or after one failed). */
    public void reload() {
        OrganizationDetail current = detail.get();
        if (current != null) {
            TeamRow team = selectedTeam.get();
            load(current.id(), team == null ? null : team.id());
        }
    }

    private void load(String organizationId, String keepTeamId) {
        error.set("");
        OrganizationDetail previous = detail.get();
        if (previous == null || !previous.id().equals(organizationId)) {
            // Another organization: nothing of the previous one may stay on screen under the new header.
            memberRows.clear();
            membersSummary.set("");
        }
        opened = false;
        setMembersRead(MembersRead.NOT_READ);
        opening.run("Opening organization " + organizationId, () -> organizations.open(organizationId), found -> {
            if (found.isEmpty()) {
                clear();
                error.set("Organization " + organizationId + " no longer exists in either schema.");
                return;
            }
            OrganizationDetail loaded = found.get();
            opened = true;
            detail.set(loaded);
            teamRows.setAll(loaded.teams());
            presenceNote.set("");
            showPresence(loaded.presence());
            selectedTeam.set(null);
            roster.clear();
            rosterTitle.set("Select a team to see its roster.");
            if (keepTeamId != null) {
                loaded.teams().stream().filter(team -> team.id().equals(keepTeamId)).findFirst()
                        .ifPresent(selectedTeam::set);
            }
            if (!loaded.presence().isComplete()) {
                countRest(loaded);
            }
            loadMembersIfUnread();
        }, failure -> error.set(FailureMessages.describe("Opening the organization", failure)));
    }

    /** The second read: the presence counts of the large unindexed tables, filled in where "counting…" shows. */
    private void countRest(OrganizationDetail loaded) {
        presenceNote.set(loaded.presence().countingNote());
        opening.follow("Counting the large tables of organization " + loaded.id(),
                () -> organizations.presenceRest(loaded.id()), rest -> {
                    presenceNote.set("");
                    showPresence(presence.get().withCounts(rest));
                }, failure -> {
                    showPresence(presence.get().notCounted());
                    presenceNote.set(FailureMessages.describe("Counting the large tables", failure));
                });
    }

    private void showPresence(PresenceReport report) {
        presence.set(report);
        if (membersRead != MembersRead.READ) {
            // The same number as the member page's total: LiteLLM_OrganizationMembership rows of this org.
            membersTabTitle.set(report.rowsOf("public", "LiteLLM_OrganizationMembership", "organization_id")
                    .stream().mapToObj(count -> "Members " + count).findFirst()
                    .orElse(report.isComplete() ? "Members" : "Members …"));
        }
    }

    /** Reads the member page when the organization is shown, the Members tab too, and it is not read yet. */
    private void loadMembersIfUnread() {
        OrganizationDetail shown = detail.get();
        if (!opened || shown == null || !membersShown.get() || membersRead != MembersRead.NOT_READ) {
            return;
        }
        setMembersRead(MembersRead.READING);
        membersSummary.set("Loading members…");
        membersPlaceholder.set("Loading members…");
        opening.follow("Loading members of organization " + shown.id(), () -> organizations.members(shown.id()),
                this::showMembers, failure -> {
                    // Unread again: showing the tab once more retries.
                    setMembersRead(MembersRead.NOT_READ);
                    membersSummary.set(FailureMessages.describe("Loading the members", failure));
                    membersPlaceholder.set("The members could not be read (see above).");
                });
    }

    private void showMembers(MemberQueries.MembersPage page) {
        setMembersRead(MembersRead.READ);
        membersPlaceholder.set(NO_MEMBERS);
        memberRows.setAll(page.members());
        membersSummary.set(page.total() > page.members().size()
                ? "Showing " + page.members().size() + " of " + page.total() + " members"
                : page.total() + (page.total() == 1 ? " member" : " members"));
        membersTabTitle.set("Members " + page.total());
    }

    /** Where the member list stands; the loading flag the view binds follows it. */
    private void setMembersRead(MembersRead state) {
        membersRead = state;
        membersLoading.set(state == MembersRead.READING);
    }

    public void clear() {
        opening.discard();
        opened = false;
        setMembersRead(MembersRead.NOT_READ);
        detail.set(null);
        presence.set(null);
        presenceNote.set("");
        membersTabTitle.set("Members");
        teamRows.clear();
        memberRows.clear();
        roster.clear();
        membersSummary.set("");
    }

    private void loadRoster(TeamRow team) {
        rosterLoading.discard();
        roster.clear();
        if (team == null) {
            rosterTitle.set("Select a team to see its roster.");
            return;
        }
        if (team.presence() == com.nemorouter.console.presence.Presence.NEMO_ONLY) {
            rosterTitle.set(team.displayName() + " has no LiteLLM team, so it has no roster.");
            return;
        }
        rosterTitle.set("Roster of " + team.displayName());
        rosterLoading.run("Loading roster of " + team.displayName(), () -> teams.roster(team.id()), entries -> {
            roster.setAll(entries);
            rosterTitle.set("Roster of " + team.displayName() + ": "
                    + entries.size() + (entries.size() == 1 ? " member" : " members"));
        }, failure -> error.set(FailureMessages.describe("Loading the roster", failure)));
    }

    /** Why edit controls are disabled ("" when they are enabled); the composition root binds it. */
    public StringProperty editDisabledReasonProperty() {
        return editDisabledReason;
    }

    public MembershipDialogViewModel addOrganizationMembers() {
        return dialog(Scope.ORGANIZATION, Operation.ADD, detail.get().id(), organizationTarget(null), List.of());
    }

    public MembershipDialogViewModel changeOrganizationRole(MemberRow member) {
        return dialog(Scope.ORGANIZATION, Operation.ROLE, detail.get().id(), organizationTarget(member.role()),
                List.of(choice(member)));
    }

    public MembershipDialogViewModel removeOrganizationMember(MemberRow member) {
        return dialog(Scope.ORGANIZATION, Operation.REMOVE, detail.get().id(), organizationTarget(null),
                List.of(choice(member)));
    }

    public MembershipDialogViewModel addTeamMembers() {
        return dialog(Scope.TEAM, Operation.ADD, selectedTeam.get().id(), teamTarget(null), List.of());
    }

    public MembershipDialogViewModel changeTeamRole(RosterEntry entry) {
        return dialog(Scope.TEAM, Operation.ROLE, selectedTeam.get().id(), teamTarget(entry.role()),
                List.of(new UserChoice(entry.userId(), entry.email(), null)));
    }

    public MembershipDialogViewModel removeTeamMember(RosterEntry entry) {
        return dialog(Scope.TEAM, Operation.REMOVE, selectedTeam.get().id(), teamTarget(null),
                List.of(new UserChoice(entry.userId(), entry.email(), null)));
    }

    private static UserChoice choice(MemberRow member) {
        return new UserChoice(member.userId(), member.email(), null);
    }

    /** Names of everything shown here (organization, teams, members' and roster emails) for the dialog's words. */
    private Map<String, String> names() {
        Map<String, String> names = new HashMap<>();
        OrganizationDetail organization = detail.get();
        names.put(organization.id(), organization.displayName());
        teamRows.forEach(team -> names.put(team.id(), team.displayName()));
        memberRows.stream().filter(member -> member.email() != null)
                .forEach(member -> names.put(member.userId(), member.email()));
        roster.stream().filter(entry -> entry.email() != null).forEach(entry -> names.put(entry.userId(), entry.email()));
        return names;
    }

    private EditTarget organizationTarget(String currentRole) {
        OrganizationDetail organization = detail.get();
        Set<String> members = memberRows.stream().map(MemberRow::userId).collect(Collectors.toSet());
        return new EditTarget(organization.displayName(), organization.displayName(), names(), members, currentRole);
    }

    private EditTarget teamTarget(String currentRole) {
        Set<String> members = roster.stream().map(RosterEntry::userId).collect(Collectors.toSet());
        return new EditTarget(selectedTeam.get().displayName(), detail.get().displayName(), names(), members,
                currentRole);
    }

    private MembershipDialogViewModel dialog(Scope scope, Operation operation, String targetId, EditTarget target,
                                             List<UserChoice> users) {
        return editing.dialog(scope, operation, targetId, target, users, this::applied, this::reload);
    }

    private void applied(EditResult result) {
        notice.set(MembershipDialogViewModel.notice(result));
        editsApplied.set(editsApplied.get() + 1);
        reload();
    }

    /** After an edit: how many rows changed, where the audit went, and LiteLLM's cache. */
    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    /** Counts committed edits, so History tabs know when to re-read. */
    public ReadOnlyIntegerProperty editsAppliedProperty() {
        return editsApplied.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<OrganizationDetail> detailProperty() {
        return detail.getReadOnlyProperty();
    }

    /** The presence shown: pending counts ("counting…") until the second read fills them in. */
    public ReadOnlyObjectProperty<PresenceReport> presenceProperty() {
        return presence.getReadOnlyProperty();
    }

    /** What is still being counted, or why a count is missing; "" when every count is in. */
    public ReadOnlyStringProperty presenceNoteProperty() {
        return presenceNote.getReadOnlyProperty();
    }

    /** "Members 42": from the presence count until the member page is read, "Members …" while it is counted. */
    public ReadOnlyStringProperty membersTabTitleProperty() {
        return membersTabTitle.getReadOnlyProperty();
    }

    /** What the empty member table says: loading, none, or that the read failed. */
    public ReadOnlyStringProperty membersPlaceholderProperty() {
        return membersPlaceholder.getReadOnlyProperty();
    }

    /** True while the member page is being read: edits that need the member set wait for it. */
    public ReadOnlyBooleanProperty membersLoadingProperty() {
        return membersLoading.getReadOnlyProperty();
    }

    /** Whether the Members tab shows; the view binds it. The member list is read only once it does. */
    public BooleanProperty membersShownProperty() {
        return membersShown;
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

    /**
     * A team's organization on one side, against the organization shown: "this org", "✘ none" (the side
     * names no organization) or "✘ other: <id>" (the team belongs elsewhere there).
     */
    public Marked teamOrganization(String organizationId) {
        if (organizationId == null) {
            return new Marked("✘ none", Mark.MISSING);
        }
        return isOtherOrganization(organizationId) || detail.get() == null
                ? new Marked("✘ other: " + organizationId, Mark.DRIFT) : new Marked("this org", Mark.OK);
    }

    /** True for an organization id other than the one shown (a team's other organization can be opened). */
    public boolean isOtherOrganization(String organizationId) {
        OrganizationDetail shown = detail.get();
        return organizationId != null && shown != null && !organizationId.equals(shown.id());
    }
}
