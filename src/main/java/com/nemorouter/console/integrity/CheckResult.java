package com.nemorouter.console.integrity;

import java.util.List;

/**
 * What one check found.
 *
 * @param truncated more than {@link AuditService#FINDING_LIMIT} findings exist; only the first are listed
 */
public record CheckResult(AuditCheck check, List<Finding> findings, boolean truncated, long elapsedMillis) {

    public CheckResult {
        findings = List.copyOf(findings);
    }

    public long count(Severity severity) {
        return findings.stream().filter(finding -> finding.severity() == severity).count();
    }
}
