package com.nemorouter.console.member;

import java.util.concurrent.CancellationException;

import com.nemorouter.console.presence.Mark;
import com.nemorouter.console.presence.PresenceReport;
import com.nemorouter.console.ui.Latest;
import com.nemorouter.console.ui.TaskRunner;
import com.nemorouter.console.connection.FailureMessages;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * One user id across auth and LiteLLM. The user and its org memberships show first; its teams (a scan of every
 * roster) stream in, and the large tables' presence counts after them once the Presence tab shows, as
 * follow-ups of the same {@link Latest} generation: opening another user cancels whatever still runs for this
 * one. A user only the large tables may hold (nothing found in the first read) is counted at once.
 */
public final class MemberViewModel {

    private static final String NO_TEAMS = "On no team's roster.";

    private final MemberService service;
    /** The user being opened, with its streamed parts: opening another supersedes all of them. */
    private final Latest opening;
    private final ReadOnlyObjectWrapper<MemberDetail> detail = new ReadOnlyObjectWrapper<>();
    /** The presence shown: the first read's, then with the large tables' counts filled in. */
    private final ReadOnlyObjectWrapper<PresenceReport> presence = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper presenceNote = new ReadOnlyStringWrapper("");
    private final ObservableList<MemberDetail.Team> teams = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper teamsPlaceholder = new ReadOnlyStringWrapper(NO_TEAMS);
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    /** Whether the Presence tab shows; the view binds it. The large tables are counted only once it does. */
    private final BooleanProperty presenceShown = new SimpleBooleanProperty(false);
    /** The user shown whose large-table counts wait for the Presence tab; null when none wait. */
    private MemberDetail countsAwaitingTab;

    public MemberViewModel(MemberService service, TaskRunner tasks) {
        this.service = service;
        this.opening = new Latest(tasks);
        presenceShown.addListener((observable, was, shown) -> {
            MemberDetail waiting = countsAwaitingTab;
            if (shown && waiting != null && detail.get() == waiting) {
                countsAwaitingTab = null;
                countRest(waiting, presence.get());
            }
        });
    }

    public void open(String userId) {
        error.set("");
        countsAwaitingTab = null;
        opening.run("Opening user " + userId, () -> service.open(userId), found -> {
            if (found.isEmpty()) {
                clear();
                error.set(nowhere(userId));
                return;
            }
            MemberDetail first = found.get();
            if (first.presence().foundAnywhere()) {
                show(first, first.presence());
                loadTeams(first);
            } else {
                // Only the large tables may still hold the id: nothing to show until they are counted.
                clear();
                presenceNote.set("Counting rows in large tables without an index on the id…");
                countRest(first, first.presence());
            }
        }, failure -> error.set(FailureMessages.describe("Opening the user", failure)));
    }

    /** Re-reads the user shown (after an edit or repair may have changed its memberships). */
    public void reload() {
        MemberDetail shown = detail.get();
        if (shown != null) {
            open(shown.userId());
        }
    }

    private void show(MemberDetail shown, PresenceReport report) {
        if (detail.get() == null || !detail.get().userId().equals(shown.userId())) {
            // Another user: none of the previous one's teams under the new header.
            teams.clear();
        }
        detail.set(shown);
        presence.set(report);
        presenceNote.set(report.countingNote());
    }

    /** The second read: the teams whose rosters list the user; then the large tables' counts. */
    private void loadTeams(MemberDetail shown) {
        teamsPlaceholder.set("Reading the team rosters…");
        opening.follow("Reading the team rosters for user " + shown.userId(), () -> service.teams(shown.userId()),
                found -> {
                    teams.setAll(found);
                    teamsPlaceholder.set(NO_TEAMS);
                    countRestIfPending(shown);
                }, failure -> {
                    teams.clear();
                    teamsPlaceholder.set(FailureMessages.describe("Reading the team rosters", failure));
                    if (failure instanceof CancellationException && !presence.get().isComplete()) {
                        // The user cancelled: the counts that would have followed are not started either.
                        presence.set(presence.get().notCounted());
                        presenceNote.set(FailureMessages.describe("Counting the large tables", failure));
                    } else {
                        countRestIfPending(shown);
                    }
                });
    }

    /**
     * The large tables' counts, once the Presence tab shows: a scan of 1,000,000 spend logs is not spent on a
     * tab nobody looks at.
     */
    private void countRestIfPending(MemberDetail shown) {
        if (presence.get().isComplete()) {
            return;
        }
        if (presenceShown.get()) {
            countRest(shown, presence.get());
        } else {
            countsAwaitingTab = shown;
        }
    }

    /**
     * The presence counts the first read left pending. For a user only those tables may hold (nothing found
     * yet), the detail shows once they are in, and only if they do hold it.
     */
    private void countRest(MemberDetail first, PresenceReport report) {
        opening.follow("Counting the large tables for user " + first.userId(), () -> service.presenceRest(first.userId()),
                rest -> {
                    PresenceReport counted = report.withCounts(rest);
                    if (detail.get() == first) {
                        presence.set(counted);
                        presenceNote.set("");
                    } else if (counted.foundAnywhere()) {
                        show(first, counted);
                        loadTeams(first);
                    } else {
                        clear();
                        error.set(nowhere(first.userId()));
                    }
                }, failure -> {
                    if (detail.get() == first) {
                        presence.set(report.notCounted());
                        presenceNote.set(FailureMessages.describe("Counting the large tables", failure));
                    } else {
                        presenceNote.set("");
                        error.set(FailureMessages.describe("Opening the user", failure));
                    }
                });
    }

    private void clear() {
        detail.set(null);
        presence.set(null);
        presenceNote.set("");
        teams.clear();
        teamsPlaceholder.set(NO_TEAMS);
    }

    private static String nowhere(String userId) {
        return "No table refers to user " + userId + ".";
    }

    public ReadOnlyObjectProperty<MemberDetail> detailProperty() {
        return detail.getReadOnlyProperty();
    }

    /** The presence shown: pending counts ("counting…") until the last read fills them in. */
    public ReadOnlyObjectProperty<PresenceReport> presenceProperty() {
        return presence.getReadOnlyProperty();
    }

    /** What is still being counted, or why a count is missing; "" when every count is in. */
    public ReadOnlyStringProperty presenceNoteProperty() {
        return presenceNote.getReadOnlyProperty();
    }

    /** The teams whose rosters list the user: empty until the roster read delivers. */
    public ObservableList<MemberDetail.Team> teams() {
        return teams;
    }

    /** What the empty team table says: reading, none, or that the read failed. */
    public ReadOnlyStringProperty teamsPlaceholderProperty() {
        return teamsPlaceholder.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** Whether the Presence tab shows; the view binds it to the tab. */
    public BooleanProperty presenceShownProperty() {
        return presenceShown;
    }

    /** Whether the user's {@code LiteLLM_UserTable.teams} lists a team whose roster lists the user. */
    public static String teamListing(MemberDetail.Team team) {
        return team.inUserTeams() ? "✔ listed" : "✘ missing from the user's team list (LiteLLM_UserTable.teams)";
    }

    /** The typed status beside {@link #teamListing}. */
    public static Mark teamListingMark(MemberDetail.Team team) {
        return team.inUserTeams() ? Mark.OK : Mark.MISSING;
    }
}
