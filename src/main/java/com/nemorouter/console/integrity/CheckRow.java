package com.nemorouter.console.integrity;

/** One line of the audit view: a check and what it found so far. */
public record CheckRow(AuditCheck check, String status, int count, String severities) {

    static CheckRow waiting(AuditCheck check) {
        return new CheckRow(check, "…", 0, "");
    }

    static CheckRow of(CheckResult result) {
        if (result.wasSkipped()) {
            return new CheckRow(result.check(), "skipped", 0, result.skippedReason());
        }
        int count = result.findings().size();
        StringBuilder severities = new StringBuilder();
        for (Severity severity : Severity.values()) {
            long n = result.count(severity);
            if (n > 0) {
                severities.append(severities.isEmpty() ? "" : ", ").append(n).append(' ').append(severity.id());
            }
        }
        String mark = result.count(Severity.ERROR) > 0 ? "✘ " : result.count(Severity.WARNING) > 0 ? "⚠ " : "ℹ ";
        return new CheckRow(result.check(), count == 0 ? "✔ ok" : mark
                + count + (result.truncated() ? "+" : ""), count, severities.toString());
    }
}
