package com.nemorouter.console.diagnosis;

import java.time.LocalDateTime;

/**
 * What {@code LiteLLM_SpendLogs} says about the key: its requests of the last 24 hours and its latest entry.
 * SpendLogs has no index on {@code api_key}; on a large table the read is skipped unless asked for
 * (as locate skips large unindexed columns).
 *
 * @param skipped     why the table was not read (e.g. {@code ~12000000 rows, no index on api_key}), or null
 * @param latestAt    the latest entry's {@code "startTime"} (UTC), null when none was found
 * @param latestScope where the latest entry was looked for: {@code all time} or {@code last 24 h}
 */
public record SpendLogSummary(String skipped, long requests24h, double spend24h, String latestRequestId,
                              LocalDateTime latestAt, String latestModel, String latestStatus, Double latestSpend,
                              String latestScope) {

    static SpendLogSummary skipped(String reason) {
        return new SpendLogSummary(reason, 0, 0, null, null, null, null, null, null);
    }

    public boolean wasSkipped() {
        return skipped != null;
    }

    /** One line for the window and the command line. */
    public String describe() {
        if (skipped != null) {
            return "LiteLLM_SpendLogs not read (" + skipped + ")";
        }
        String latest = latestAt == null ? "no entry for this key (" + latestScope + ")"
                : "latest " + latestAt + " UTC, " + latestModel + ", " + (latestStatus == null ? "" : latestStatus + ", ")
                        + "spend " + latestSpend + " (request " + latestRequestId + ")";
        return "LiteLLM_SpendLogs: " + requests24h + " request(s) in the last 24 h, spend " + spend24h + "; " + latest;
    }
}
