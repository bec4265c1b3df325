package com.nemorouter.console.membership;

import java.util.List;
import java.util.function.Consumer;

import com.nemorouter.console.membership.MembershipEdit.Operation;
import com.nemorouter.console.membership.MembershipEdit.Scope;
import com.nemorouter.console.ui.TaskRunner;

/**
 * What a screen needs to start membership edits: the services, the task runner and, when the console is
 * read-only, why (screens disable their edit controls and say so).
 *
 * @param readOnlyReason null when edits are allowed
 */
public record MembershipEditing(MembershipService service, UserSearchService users, TaskRunner tasks,
                                String readOnlyReason) {

    public boolean allowed() {
        return readOnlyReason == null;
    }

    public MembershipDialogViewModel dialog(Scope scope, Operation operation, String targetId,
                                            List<UserChoice> preselected, Consumer<EditResult> applied,
                                            Runnable failed) {
        return new MembershipDialogViewModel(service, users, tasks, scope, operation, targetId, preselected, applied,
                failed);
    }
}
