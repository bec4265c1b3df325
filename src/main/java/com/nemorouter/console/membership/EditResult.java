package com.nemorouter.console.membership;

import java.util.List;

import com.nemorouter.console.audit.AuditEntry;

/**
 * What an edit changed: one entry per changed row (the same entries the audit trail records).
 *
 * @param dryRun    true when nothing was written (the transaction rolled back on purpose)
 * @param auditNote where the audit records went; empty for a dry run
 */
public record EditResult(MembershipEdit edit, List<AuditEntry> changes, boolean dryRun, String auditNote) {

    public EditResult {
        changes = List.copyOf(changes);
    }

    /** One line per change, e.g. {@code created LiteLLM_TeamMembership <team>/<user>}. */
    public List<String> lines() {
        return changes.stream().map(EditResult::line).toList();
    }

    static String line(AuditEntry change) {
        return change.action() + " " + change.tableName() + " " + change.objectId();
    }
}
