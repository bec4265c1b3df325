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
        return new MembershipDialogViewModel(service, users, tasks, scope, operation, targetId, preselected, applied,
                failed);
    }
}
