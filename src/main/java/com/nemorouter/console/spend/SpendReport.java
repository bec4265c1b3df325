package com.nemorouter.console.spend;

import java.util.List;

/**
 * An organization's spend at a glance: the organization, its teams, its members and its teams' members.
 *
 * @param spendLogsSkipped why the 24-hour SpendLogs cross-check was not run (a large table without an index on
 *                         organization_id), or null when it ran
 */
public record SpendReport(String organizationId, List<SpendRow> rows, String spendLogsSkipped) {

    public SpendReport {
        rows = List.copyOf(rows);
    }
}
