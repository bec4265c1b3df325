package com.nemorouter.console.audit;

import java.util.List;

import com.nemorouter.console.connection.Database;

/** The History tabs: audit records about one organization, team or member, newest first. */
public final class HistoryService {

    /** A History tab shows the most recent changes; older ones stay in the audit table. */
    public static final int LIMIT = 200;

    private final Database database;
    private final AuditHistory history;

    /** Reads the records where {@code audit} writes them. */
    public HistoryService(Database database, AuditTrail audit) {
        this.database = database;
        this.history = new AuditHistory(audit.localFile());
    }

    /** One read transaction on the calling (background) thread; at most {@link #LIMIT} records. */
    public List<AuditRecord> history(String objectId) {
        return database.read(em -> history.find(em, objectId, LIMIT));
    }
}
