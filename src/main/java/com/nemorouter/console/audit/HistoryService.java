package com.nemorouter.console.audit;

import java.util.List;

import com.nemorouter.console.connection.Database;

/** The History tabs: audit records about one organization, team or member, newest first. */
public final class HistoryService {

    /** A History tab shows the most recent changes; older ones stay in the audit table. */
    public static final int LIMIT = 200;

    private final Database database;
    private final AuditTrail audit;

    public HistoryService(Database database, AuditTrail audit) {
        this.database = database;
        this.audit = audit;
    }

    /** One read transaction on the calling (background) thread; at most {@link #LIMIT} records. */
    public List<AuditRecord> history(String objectId) {
        return database.read(em -> audit.history(em, objectId, LIMIT));
    }
}
