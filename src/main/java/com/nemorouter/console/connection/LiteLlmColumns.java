package com.nemorouter.console.connection;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The columns of LiteLLM's tables in this database, read from the catalog once when the connection opens
 * (with the schema contract). LiteLLM adds columns with every version, so statements that copy whole rows
 * (archiving a key or a team) name the columns both tables have <em>here</em> instead of a fixed list.
 */
public final class LiteLlmColumns {

    /** The tables the console copies between or checks for optional columns. */
    static final List<String> TABLES = List.of("LiteLLM_VerificationToken", "LiteLLM_DeletedVerificationToken",
            "LiteLLM_TeamTable", "LiteLLM_DeletedTeamTable", "LiteLLM_TeamMembership", "LiteLLM_BudgetTable");

    private final Map<String, List<String>> columnsByTable;

    /** @param columnsByTable each table's columns in catalog (ordinal) order */
    public LiteLlmColumns(Map<String, List<String>> columnsByTable) {
        this.columnsByTable = columnsByTable.entrySet().stream()
                .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, entry -> List.copyOf(entry.getValue())));
    }

    public boolean has(String table) {
        return columnsByTable.containsKey(table);
    }

    public boolean has(String table, String column) {
        return columnsByTable.getOrDefault(table, List.of()).contains(column);
    }

    /** The table's columns in catalog order; empty when the table is missing. */
    public List<String> columns(String table) {
        return columnsByTable.getOrDefault(table, List.of());
    }

    /**
     * The columns {@code live} and {@code archive} both have, in the live table's order, without
     * {@code except} (the archive's own bookkeeping columns, which the caller fills).
     */
    public List<String> shared(String live, String archive, Set<String> except) {
        List<String> archiveColumns = columns(archive);
        return columns(live).stream()
                .filter(archiveColumns::contains)
                .filter(column -> !except.contains(column))
                .toList();
    }
}
