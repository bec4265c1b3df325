package com.nemorouter.console.integrity;

import java.util.List;

import com.nemorouter.console.audit.AuditEntry;
import com.nemorouter.console.connection.SchemaNames;

/**
 * A safe fix for one finding: exactly the statements that will run, in one transaction, after the
 * roster locks (when it touches rosters), followed by the audit rows it writes.
 *
 * @param lockTeams teams whose roster locks the repair takes first (empty when no roster is touched)
 * @param lockUsers LiteLLM user rows it locks FOR UPDATE
 */
public record RepairPlan(Finding finding, RepairChoice choice, String title, List<RepairStatement> statements,
                         List<String> lockTeams, List<String> lockUsers, List<AuditEntry> audit) {

    public RepairPlan {
        statements = List.copyOf(statements);
        lockTeams = List.copyOf(lockTeams);
        lockUsers = List.copyOf(lockUsers);
        audit = List.copyOf(audit);
    }

    /** The same plan with its statements' schema placeholders filled in with {@code schemas}. */
    public RepairPlan resolved(SchemaNames schemas) {
        return new RepairPlan(finding, choice, title, statements.stream().map(statement -> statement.resolved(schemas)).toList(),
                lockTeams, lockUsers, audit);
    }

    /** The exact SQL, for the confirmation the user sees before anything runs. */
    public String preview() {
        StringBuilder text = new StringBuilder("-- ").append(title).append('\n').append("begin;\n");
        if (!lockTeams.isEmpty() || !lockUsers.isEmpty()) {
            for (String team : lockTeams.stream().sorted().toList()) {
                text.append("select pg_advisory_xact_lock(hashtext('").append(team).append("'));\n");
            }
            if (!lockUsers.isEmpty()) {
                text.append("select user_id from \"LiteLLM_UserTable\" where user_id = any('{")
                        .append(String.join(",", lockUsers.stream().sorted().toList()))
                        .append("}') order by user_id for update;\n");
            }
        }
        statements.forEach(statement -> text.append(statement.preview()).append('\n'));
        text.append("-- then ").append(audit.size()).append(audit.size() == 1 ? " row" : " rows")
                .append(" in LiteLLM_AuditLog, and the check ").append(finding.check().id()).append(" runs again\n");
        return text.append("commit;").toString();
    }
}
