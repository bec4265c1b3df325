package com.nemorouter.console.membership;

import java.util.List;
import java.util.function.Consumer;

import com.nemorouter.console.membership.MembershipEdit.Operation;
import com.nemorouter.console.membership.MembershipEdit.Scope;
import com.nemorouter.console.ui.TaskRunner;

/** What a screen needs to start membership edits: the services and the task runner. */
public record MembershipEditing(MembershipService service, UserSearchService users, TaskRunner tasks) {

    public MembershipDialogViewModel dialog(Scope scope, Operation operation, String targetId,
                                            List<UserChoice> preselected, Consumer<EditResult> applied,
                                            Runnable failed) {
        return dialog(scope, operation, targetId, EditTarget.unnamed(targetId), preselected, applied, failed);
    }

    /** A dialog that names what it edits in words ({@code target}). */
    public MembershipDialogViewModel dialog(Scope scope, Operation operation, String targetId, EditTarget target,
                                            List<UserChoice> preselected, Consumer<EditResult> applied,
                                            Runnable failed) {
        return new MembershipDialogViewModel(service, users, tasks, scope, operation, targetId, target, preselected,
                applied, failed);
    }
}
