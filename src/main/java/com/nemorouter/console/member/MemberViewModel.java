package com.nemorouter.console.member;

import com.nemorouter.console.presence.Mark;
import com.nemorouter.console.ui.Latest;
import com.nemorouter.console.ui.TaskRunner;
import com.nemorouter.console.connection.FailureMessages;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/** One user id across auth and LiteLLM. */
public final class MemberViewModel {

    private final MemberService service;
    /** The user being opened: opening another supersedes it. */
    private final Latest opening;
    private final ReadOnlyObjectWrapper<MemberDetail> detail = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");

    public MemberViewModel(MemberService service, TaskRunner tasks) {
        this.service = service;
        this.opening = new Latest(tasks);
    }

    public void open(String userId) {
        error.set("");
        opening.run("Opening user " + userId, () -> service.open(userId), found -> {
            detail.set(found.orElse(null));
            if (found.isEmpty()) {
                error.set("No table refers to user " + userId + ".");
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

    public ReadOnlyObjectProperty<MemberDetail> detailProperty() {
        return detail.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
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
