package com.nemorouter.console.integrity;

import java.util.List;

/**
 * What one check found.
 *
 * @param truncated     more than {@link AuditService#FINDING_LIMIT} findings exist; only the first are listed
 * @param skippedReason why the check did not run (e.g. row-level security hides a table it reads), or null
 */
public record CheckResult(AuditCheck check, List<Finding> findings, boolean truncated, long elapsedMillis,
                          String skippedReason) {

    public CheckResult {
        findings = List.copyOf(findings);
    }

    public CheckResult(AuditCheck check, List<Finding> findings, boolean truncated, long elapsedMillis) {
        this(check, findings, truncated, elapsedMillis, null);
    }

    /** A check that did not run: it reports nothing rather than findings it cannot trust. */
    static CheckResult skipped(AuditCheck check, String reason) {
        return new CheckResult(check, List.of(), false, 0, reason);
    }

    public boolean wasSkipped() {
        return skippedReason != null;
    }

    public long count(Severity severity) {
        return findings.stream().filter(finding -> finding.severity() == severity).count();
    }
}
