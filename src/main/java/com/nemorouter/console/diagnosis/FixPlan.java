package com.nemorouter.console.diagnosis;

import java.util.List;

import com.nemorouter.console.integrity.RepairStatement;

/**
 * One fix, exactly as it will run: one UPDATE of one LiteLLM row in one transaction, with one
 * {@code LiteLLM_AuditLog} row shaped as LiteLLM writes it ({@code AuditRows}: object_id = the row's id,
 * before_value = the whole row, updated_values = the changed keys), then the key is diagnosed again before the
 * commit.
 *
 * @param table    the LiteLLM table the row lives in
 * @param objectId the row's id: the key's token hash or the team id
 * @param changed  the columns the statement sets (what updated_values records)
 * @param request  the diagnosis to run again afterwards (the same model, route, end user and version)
 */
public record FixPlan(KeyFix fix, String title, String table, String idColumn, String objectId,
                      RepairStatement statement, List<String> changed, DiagnosisRequest request) {

    public FixPlan {
        changed = List.copyOf(changed);
    }

    /** The SQL to confirm, with the values written in. */
    public String preview() {
        return "-- " + title + "\nbegin;\n" + statement.preview() + "\n-- then 1 row in LiteLLM_AuditLog (object_id "
                + objectId + ", before_value = the whole row, updated_values = " + changed
                + "), and the key is diagnosed again\ncommit;";
    }
}
