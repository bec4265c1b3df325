package com.nemorouter.console.audit;

import java.util.Objects;
import java.util.Set;

/**
 * One changed object, as one {@code LiteLLM_AuditLog} row records it.
 *
 * @param action        {@code created}, {@code updated} or {@code deleted} (LiteLLM's words)
 * @param tableName     the LiteLLM table the object lives in, e.g. {@code LiteLLM_TeamTable}
 * @param objectId      the object's id in that table; for composite keys {@code <org or team id>/<user id>}
 * @param beforeValue   the row (or roster) before the change as JSON text, null for {@code created}
 * @param updatedValues the row (or roster) after the change as JSON text, null for {@code deleted}
 */
public record AuditEntry(String action, String tableName, String objectId, String beforeValue, String updatedValues) {

    public static final Set<String> ACTIONS = Set.of("created", "updated", "deleted");

    public AuditEntry {
        Objects.requireNonNull(tableName, "tableName");
        Objects.requireNonNull(objectId, "objectId");
        if (!ACTIONS.contains(action)) {
            throw new IllegalArgumentException("audit action must be created, updated or deleted, not " + action);
        }
    }

    public static AuditEntry created(String tableName, String objectId, String updatedValues) {
        return new AuditEntry("created", tableName, objectId, null, updatedValues);
    }

    public static AuditEntry updated(String tableName, String objectId, String beforeValue, String updatedValues) {
        return new AuditEntry("updated", tableName, objectId, beforeValue, updatedValues);
    }

    public static AuditEntry deleted(String tableName, String objectId, String beforeValue) {
        return new AuditEntry("deleted", tableName, objectId, beforeValue, null);
    }

    /** The id of a composite-key row such as an org or team membership, as the console records it. */
    public static String compositeId(String ownerId, String userId) {
        return ownerId + "/" + userId;
    }
}
