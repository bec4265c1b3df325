package com.nemorouter.console.audit;

import java.nio.file.Path;
import java.util.List;

/**
 * What {@link AuditTrail#record} did inside the transaction. When the audit table is missing the records
 * are not yet anywhere: {@link AuditTrail#publish} appends them to {@link #localFile()} after the commit.
 *
 * @param localFile the JSON-lines file, or null when the records went into {@code LiteLLM_AuditLog}
 */
public record AuditReceipt(List<AuditRecord> records, Path localFile) {

    public AuditReceipt {
        records = List.copyOf(records);
    }

    public boolean inAuditTable() {
        return localFile == null;
    }
}
