package com.nemorouter.console.audit;

import com.nemorouter.console.connection.SqlRows;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.persistence.EntityManager;


/**
 * Whole rows as LiteLLM's audit log records them: a JSON object of every column, null fields left out.
 * Read them inside the edit's transaction, before and after the change, and build the {@link AuditEntry}
 * from them. Never records a user's {@code password} (LiteLLM's UI login hash): secrets stay out of logs.
 */
public final class AuditRows {

    /** The single-column id of each table whose whole rows the console audits. */
    public static final Map<String, String> ID_COLUMNS = Map.of(
            "LiteLLM_TeamTable", "team_id",
            "LiteLLM_UserTable", "user_id",
            "LiteLLM_VerificationToken", "token",
            "LiteLLM_OrganizationTable", "organization_id",
            "LiteLLM_BudgetTable", "budget_id");

    /** The SQL (jsonb) expression of a whole row for a row alias; works in {@code returning} lists too. */
    public static String jsonb(String alias) {
        return "jsonb_strip_nulls(to_jsonb(" + alias + ") - 'password')";
    }

    private AuditRows() {
    }

    /** One row's id and its whole row as audit JSON. */
    record WholeRow(String id, String json) {
    }

    /**
     * The whole rows of {@code ids} in {@code table} (one of {@link #ID_COLUMNS}), by id; ids without a row
     * are absent. One statement, in the caller's transaction.
     */
    public static Map<String, String> read(EntityManager em, String table, List<String> ids) {
        String idColumn = ID_COLUMNS.get(table);
        if (idColumn == null) {
            throw new IllegalArgumentException("no whole-row audit for table " + table);
        }
        Map<String, String> rows = new HashMap<>();
        if (ids.isEmpty()) {
            return rows;
        }
        // The id column comes from ID_COLUMNS, never from input; the table name likewise.
        SqlRows.select(em, """
                select r.%1$s, cast(%3$s as text) from {litellm}."%2$s" r
                where r.%1$s = any(cast(:ids as text[]))""".formatted(idColumn, table, jsonb("r")), WholeRow.class)
                .setParameter("ids", ids.toArray(String[]::new)).getResultList()
                .forEach(row -> rows.put(row.id(), row.json()));
        return rows;
    }

    /** The whole row of one id, or null when there is none. */
    public static String read(EntityManager em, String table, String id) {
        return read(em, table, List.of(id)).get(id);
    }
}
