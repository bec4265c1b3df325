package com.nemorouter.console.integrity;

/**
 * What a repair did.
 *
 * @param auditMessage where the audit rows went
 * @param recheck      the repaired check, run again in the same transaction after the change
 */
public record RepairOutcome(RepairPlan plan, String auditMessage, CheckResult recheck) {

    /** True when the re-run no longer reports the repaired entity. */
    public boolean fixed() {
        return recheck.findings().stream().noneMatch(finding -> finding.entityId().equals(plan.finding().entityId())
                && finding.detail().equals(plan.finding().detail()));
    }
}
