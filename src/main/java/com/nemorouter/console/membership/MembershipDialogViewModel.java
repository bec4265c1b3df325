package com.nemorouter.console.membership;

import java.util.List;
import java.util.function.Consumer;

import com.nemorouter.console.connection.FailureMessages;
import com.nemorouter.console.membership.MembershipEdit.Operation;
import com.nemorouter.console.membership.MembershipEdit.Scope;
import com.nemorouter.console.ui.Latest;
import com.nemorouter.console.ui.TaskRunner;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * One membership edit dialog: pick users (search as you type over {@code auth.users}, several at once),
 * a role and the options, see what a removal will change, apply. Input is validated before any task
 * runs; the edit itself re-reads everything under LiteLLM's lock, so nothing shown here is written back.
 */
public final class MembershipDialogViewModel {

    public static final String CACHE_NOTE =
            "A running LiteLLM proxy may serve its cached membership until its cache entry expires.";

    private final MembershipService service;
    private final UserSearchService users;
    private final TaskRunner tasks;
    private final Scope scope;
    private final Operation operation;
    private final String targetId;
    private final EditTarget target;
    private final Consumer<EditResult> applied;
    private final Runnable failed;

    private final StringProperty query = new SimpleStringProperty("");
    private final ObservableList<UserChoice> results = FXCollections.observableArrayList();
    private final ObservableList<UserChoice> selected = FXCollections.observableArrayList();
    private final ObservableList<String> roles = FXCollections.observableArrayList();
    private final ObjectProperty<String> role = new SimpleObjectProperty<>();
    private final BooleanProperty includeTeams = new SimpleBooleanProperty(true);
    private final BooleanProperty addToOrganization = new SimpleBooleanProperty(false);
    private final ReadOnlyBooleanWrapper addToOrganizationOffered = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper consequences = new ReadOnlyStringWrapper("");
    private final ObservableList<String> consequenceLines = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper applyLabel = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper finished = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper working = new ReadOnlyBooleanWrapper(false);
    /** The user search and the removal preview shown: each newer one supersedes the previous. */
    private final Latest searching;
    private final Latest previewing;

    /**
     * @param preselected the users the edit is about (role and remove), or empty for an add
     * @param applied     runs on the UI thread after a committed edit
     * @param failed      runs on the UI thread after a failed edit, to reload the current state
     * @param target      names for the target and the ids the edit touches, its members, the current role
     */
    public MembershipDialogViewModel(MembershipService service, UserSearchService users, TaskRunner tasks, Scope scope,
                                     Operation operation, String targetId, EditTarget target,
                                     List<UserChoice> preselected, Consumer<EditResult> applied, Runnable failed) {
        this.service = service;
        this.users = users;
        this.tasks = tasks;
        this.searching = new Latest(tasks);
        this.previewing = new Latest(tasks);
        this.scope = scope;
        this.operation = operation;
        this.targetId = targetId;
        this.target = target;
        this.applied = applied;
        this.failed = failed;
        selected.setAll(preselected);
        roles.setAll(scope == Scope.ORGANIZATION ? MembershipEdit.ORGANIZATION_ROLES : MembershipEdit.TEAM_ROLES);
        query.addListener((observable, old, text) -> search(text));
        includeTeams.addListener((observable, old, value) -> preview());
        // A message about the old input must not outlive it.
        selected.addListener((javafx.collections.ListChangeListener<UserChoice>) change -> error.set(""));
        role.addListener((observable, old, value) -> error.set(""));
        selected.addListener((javafx.collections.ListChangeListener<UserChoice>) change -> updateApplyLabel());
        updateApplyLabel();
        // An add starts with the least-privileged role; a role change starts from the role the user has now.
        role.set(switch (operation) {
            case ADD -> scope == Scope.ORGANIZATION ? "internal_user" : "user";
            case ROLE -> target.currentRole() != null && roles.contains(target.currentRole()) ? target.currentRole() : null;
            case REMOVE -> null;
        });
    }

    /** The organization or team in words: {@code organization Acme Robotics}, {@code team Platform (Acme Robotics)}. */
    public String targetWords() {
        if (scope == Scope.ORGANIZATION) {
            return "organization " + target.name();
        }
        return "team " + target.name() + (target.organizationName() == null
                || target.organizationName().equals(target.name()) ? "" : " (" + target.organizationName() + ")");
    }

    private String usersWords() {
        List<String> who = selected.stream().map(user -> user.email() != null ? user.email() : target.nameOf(user.userId()))
                .toList();
        return who.isEmpty() ? "no one" : String.join(", ", who);
    }

    public String title() {
        return switch (operation) {
            case ADD -> "Add members to " + targetWords();
            case ROLE -> "Change the role of " + usersWords() + " in " + targetWords();
            case REMOVE -> "Remove " + usersWords() + " from " + targetWords();
        };
    }

    /** A removal deletes rows and archives keys: its button is styled as dangerous and is never the default. */
    public boolean destructive() {
        return operation == Operation.REMOVE;
    }

    /** The current role line for a role change ("Current role: admin"); empty otherwise. */
    public String currentRoleText() {
        return operation == Operation.ROLE && target.currentRole() != null ? "Current role: " + target.currentRole() : "";
    }

    /** True when {@code user} is already a member of the target (the picker says so). */
    public boolean isMember(UserChoice user) {
        return user != null && target.members().contains(user.userId());
    }

    private void updateApplyLabel() {
        int n = selected.size();
        applyLabel.set(switch (operation) {
            case ADD -> n == 0 ? "Add members" : "Add " + ChangeWords.count(n, "member", "members");
            case ROLE -> "Change role";
            case REMOVE -> "Remove " + ChangeWords.count(n, "member", "members");
        });
    }

    public boolean picksUsers() {
        return operation == Operation.ADD;
    }

    public boolean needsRole() {
        return operation != Operation.REMOVE;
    }

    public boolean offersIncludeTeams() {
        return scope == Scope.ORGANIZATION && operation == Operation.REMOVE;
    }

    private void search(String text) {
        if (text == null || text.isBlank()) {
            searching.discard();
            results.clear();
            return;
        }
        searching.run("Searching users", () -> users.search(text), results::setAll,
                failure -> error.set(FailureMessages.describe("Searching users", failure)));
    }

    public void pick(UserChoice user) {
        if (user != null && selected.stream().noneMatch(chosen -> chosen.userId().equals(user.userId()))) {
            selected.add(user);
            addToOrganizationOffered.set(false);
            addToOrganization.set(false);
        }
    }

    public void unpick(UserChoice user) {
        selected.remove(user);
    }

    /** The edit as the inputs describe it; a problem goes to {@link #errorProperty()} and gives null. */
    MembershipEdit edit() {
        List<String> ids = selected.stream().map(UserChoice::userId).toList();
        try {
            return switch (operation) {
                case ADD -> scope == Scope.ORGANIZATION ? MembershipEdit.organizationAdd(targetId, ids, role.get())
                        : MembershipEdit.teamAdd(targetId, ids, role.get(), addToOrganization.get());
                case ROLE -> scope == Scope.ORGANIZATION ? MembershipEdit.organizationRole(targetId, ids, role.get())
                        : MembershipEdit.teamRole(targetId, ids, role.get());
                case REMOVE -> scope == Scope.ORGANIZATION
                        ? MembershipEdit.organizationRemove(targetId, ids, includeTeams.get())
                        : MembershipEdit.teamRemove(targetId, ids);
            };
        } catch (IllegalArgumentException problem) {
            error.set(problem.getMessage());
            return null;
        }
    }

    /**
     * For a removal: what it would delete (teams, team memberships, keys), from a dry run of the very same
     * edit, so the confirmation lists exactly what Apply writes at this moment.
     */
    public void preview() {
        if (operation != Operation.REMOVE) {
            return;
        }
        MembershipEdit edit = edit();
        if (edit == null) {
            return;
        }
        consequences.set("Checking what this removes…");
        consequenceLines.clear();
        previewing.run("Previewing the removal", () -> service.apply(edit, true), planned -> {
            consequences.set("This will change " + ChangeWords.count(planned.changes().size(), "row", "rows")
                    + ":");
            consequenceLines.setAll(planned.changes().stream()
                    .map(change -> ChangeWords.describe(change, this::userWords)).toList());
        }, failure -> {
            consequences.set("");
            error.set(message(failure));
        });
    }

    /** Validates, then applies the edit in one transaction on a background thread. */
    public void apply() {
        error.set("");
        MembershipEdit edit = edit();
        if (edit == null) {
            return;
        }
        working.set(true);
        tasks.run(title(), () -> service.apply(edit, false), result -> {
            working.set(false);
            finished.set(true);
            applied.accept(result);
        }, failure -> {
            working.set(false);
            if (failure instanceof EditRefused.NotInOrganization outside) {
                addToOrganizationOffered.set(true);
                List<String> who = outside.userIds().stream().map(this::userWords).toList();
                error.set(String.join(", ", who) + (who.size() == 1 ? " is not a member of " : " are not members of ")
                        + "organization " + (target.organizationName() != null ? target.organizationName()
                        : outside.organizationId()) + ". Tick \"Also add them to the organization\" "
                        + "to do both in one edit.");
                return;
            }
            error.set(message(failure));
            if (!(failure instanceof EditRefused)) {
                failed.run();
            }
        });
    }

    private String userWords(String userId) {
        return selected.stream().filter(user -> user.userId().equals(userId) && user.email() != null)
                .map(UserChoice::email).findFirst().orElse(target.nameOf(userId));
    }

    private static String message(Throwable failure) {
        if (failure instanceof EditRefused || failure instanceof MembershipService.ReadOnlyRefused
                || failure instanceof MembershipService.EditUnavailable) {
            return failure.getMessage();
        }
        return FailureMessages.describe("Saving the membership change", failure)
                + " Nothing was written; the current state was reloaded.";
    }

    /** The note shown after an edit: where the audit went and LiteLLM's cache. */
    public static String notice(EditResult result) {
        return ChangeWords.count(result.changes().size(), "row", "rows") + " changed. " + result.auditNote() + " "
                + CACHE_NOTE;
    }

    public StringProperty queryProperty() {
        return query;
    }

    public ObservableList<UserChoice> results() {
        return results;
    }

    public ObservableList<UserChoice> selected() {
        return selected;
    }

    public ObservableList<String> roles() {
        return roles;
    }

    public ObjectProperty<String> roleProperty() {
        return role;
    }

    public BooleanProperty includeTeamsProperty() {
        return includeTeams;
    }

    public BooleanProperty addToOrganizationProperty() {
        return addToOrganization;
    }

    public ReadOnlyBooleanProperty addToOrganizationOfferedProperty() {
        return addToOrganizationOffered.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty consequencesProperty() {
        return consequences.getReadOnlyProperty();
    }

    /** Every row the removal will change, in words, for the confirmation's list. */
    public ObservableList<String> consequenceLines() {
        return consequenceLines;
    }

    /** The confirm button's verb: "Remove 1 member", "Add 2 members", "Change role". */
    public ReadOnlyStringProperty applyLabelProperty() {
        return applyLabel.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty finishedProperty() {
        return finished.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty workingProperty() {
        return working.getReadOnlyProperty();
    }
}
