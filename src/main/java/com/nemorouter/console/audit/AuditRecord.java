package com.nemorouter.console.audit;

import java.time.LocalDateTime;

/**
 * One audit row as written: an {@link AuditEntry} plus who, when and under which id. The same shape
 * goes into {@code LiteLLM_AuditLog} or, when that table is missing, into the local JSON-lines file.
 *
 * @param updatedAt UTC, millisecond precision (LiteLLM's {@code TIMESTAMP(3)})
 */
public record AuditRecord(String id, LocalDateTime updatedAt, String changedBy, String action, String tableName,
                          String objectId, String beforeValue, String updatedValues) {
}
