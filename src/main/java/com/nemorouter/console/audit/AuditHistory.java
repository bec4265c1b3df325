package com.nemorouter.console.audit;

import java.nio.file.Path;
import java.util.List;

import jakarta.persistence.EntityManager;

/**
 * The audit records about one object: where the console writes them, {@code LiteLLM_AuditLog} when it
 * exists, else the local file.
 */
public final class AuditHistory {

    private final AuditFile localFile;

    /** @param localFile the JSON-lines file the trail falls back to ({@link AuditTrail#localFile()}) */
    public AuditHistory(Path localFile) {
        this.localFile = new AuditFile(localFile);
    }

    /**
     * The audit records that mention {@code objectId} (as the object, as the owner or member of a
     * composite id, as a key's team or user, or as a user on a roster before or after), newest first, at most
     * {@code limit}: LiteLLM's own rows and the console's alike, since both record whole rows as objects
     * (the console's older rows, with bare roster arrays, are still found). Reads the audit table when it
     * exists, else the local file. Runs inside the caller's (read) transaction.
     */
    public List<AuditRecord> find(EntityManager em, String objectId, int limit) {
        return AuditTable.exists(em) ? AuditTable.mentioning(em, objectId, limit) : localFile.mentioning(objectId, limit);
    }
}
