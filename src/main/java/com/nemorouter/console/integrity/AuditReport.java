package com.nemorouter.console.integrity;

import java.util.List;

/** The results of every check, in check order. */
public record AuditReport(List<CheckResult> results) {

    public AuditReport {
        results = List.copyOf(results);
    }

    public List<Finding> findings() {
        return results.stream().flatMap(result -> result.findings().stream()).toList();
    }

    /** The checks that did not run, with why: the audit is then incomplete ({@code audit} exits 1). */
    public List<CheckResult> skipped() {
        return results.stream().filter(CheckResult::wasSkipped).toList();
    }

    public boolean complete() {
        return skipped().isEmpty();
    }

    /** True when a finding at or above {@code threshold} exists: {@code audit} then exits 3. */
    public boolean hasFindingsAtLeast(Severity threshold) {
        return findings().stream().anyMatch(finding -> finding.severity().atLeast(threshold));
    }
}
