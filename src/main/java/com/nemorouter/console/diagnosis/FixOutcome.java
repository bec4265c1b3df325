package com.nemorouter.console.diagnosis;

/**
 * A fix that committed, its audit record, and the key's diagnosis afterwards (read in the same transaction).
 */
public record FixOutcome(FixPlan plan, String auditMessage, KeyDiagnosis after) {

    /** What to tell the admin: the proxy still serves its cached row for up to a minute. */
    public String cacheNote() {
        return "The database now says: " + (after.allowed() ? "accepted" : "still rejected by "
                + after.firstFailure().check().id()) + ". " + KeyDiagnosisService.CACHE_NOTE;
    }
}
