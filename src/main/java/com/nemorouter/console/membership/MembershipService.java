package com.nemorouter.console.membership;

import java.io.UncheckedIOException;
import java.util.List;

import com.nemorouter.console.audit.AuditEntry;
import com.nemorouter.console.audit.AuditReceipt;
import com.nemorouter.console.audit.AuditTrail;
import com.nemorouter.console.connection.Database;
import com.nemorouter.console.connection.SchemaReport;
import com.nemorouter.console.membership.MembershipEdit.Scope;

import jakarta.persistence.EntityManager;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Membership edits written exactly as LiteLLM writes them ({@code litellm-tables.md}, "What LiteLLM
 * writes"): the org membership, all three team copies ({@code members_with_roles},
 * {@code LiteLLM_UserTable.teams}, {@code LiteLLM_TeamMembership}), key archiving on team removal, and one
 * audit row per changed object.
 *
 * <p>This class owns what surrounds an edit: the read-only and schema guards, the ONE transaction on the
 * calling (background) thread, the dry run that runs the same statements and rolls them back, and the
 * audit trail. The edit itself is {@link EditOperations} (LiteLLM's locks through {@link RosterLocks},
 * re-reads under them, users resolved by {@link UserResolver}) writing through {@link RosterWrites}, with
 * set-based statements whose number does not grow with the number of users. Any failure rolls everything
 * back, audit rows included. A refused edit throws {@link EditRefused}; nothing is written.
 */
public final class MembershipService {

    private static final Logger LOG = LoggerFactory.getLogger(MembershipService.class);

    private final Database database;
    private final RosterLocks locks;
    private final AuditTrail audit;

    public MembershipService(Database database, RosterLocks locks, AuditTrail audit) {
        this.database = database;
        this.locks = locks;
        this.audit = audit;
    }

    /**
     * Applies {@code edit} in one transaction, or with {@code dryRun} runs the very same statements and
     * rolls them back, so the planned changes are exactly what a real run would write at that moment.
     * Blocking: call it on a background thread.
     *
     * @throws EditRefused for unknown orgs, teams or users and for users who are (not) members already
     * @throws ReadOnlyRefused when the console is in read-only mode
     */
    public EditResult apply(MembershipEdit edit, boolean dryRun) {
        database.readOnlyReason().ifPresent(reason -> {
            throw new ReadOnlyRefused(reason);
        });
        String feature = edit.scope() == Scope.ORGANIZATION ? "organization edits" : "team edits";
        database.schemaReport().features().stream()
                .filter(status -> status.feature().equals(feature))
                .filter(status -> status.availability() == SchemaReport.Availability.UNAVAILABLE)
                .findFirst()
                .ifPresent(status -> {
                    throw new EditUnavailable(feature, status.problems());
                });
        if (dryRun) {
            try {
                database.write(em -> {
                    throw new DryRun(operations(em, edit).run());
                });
            } catch (DryRun planned) {
                return new EditResult(edit, planned.changes, true, "");
            }
            throw new IllegalStateException("a dry run always rolls back");
        }
        Committed committed = database.write(em -> {
            List<AuditEntry> changes = operations(em, edit).run();
            return new Committed(changes, audit.record(em, changes));
        });
        String auditNote;
        try {
            auditNote = audit.publish(committed.receipt);
        } catch (UncheckedIOException e) {
            // The edit is committed: report the missing audit lines instead of failing what succeeded.
            LOG.error("Committed edit {} could not be appended to the local audit file", edit, e);
            auditNote = "The edit is committed, but its " + committed.receipt.records().size()
                    + " audit records could not be appended to " + committed.receipt.localFile() + ": "
                    + e.getCause().getMessage();
        }
        return new EditResult(edit, committed.changes, false, auditNote);
    }

    private EditOperations operations(EntityManager em, MembershipEdit edit) {
        RosterWrites rows = new RosterWrites(em, database.liteLlmColumns(), "nemo-console:" + audit.operator());
        return new EditOperations(em, edit, locks, rows);
    }

    private record Committed(List<AuditEntry> changes, AuditReceipt receipt) {
    }

    /** Rolls a dry run back while carrying its planned changes out of the transaction. */
    private static final class DryRun extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient List<AuditEntry> changes;

        DryRun(List<AuditEntry> changes) {
            super("dry run", null, false, false);
            this.changes = changes;
        }
    }

    /** Refused because the console is read-only: a failure (exit 1), not bad input. */
    public static final class ReadOnlyRefused extends IllegalStateException {
        private static final long serialVersionUID = 1L;

        ReadOnlyRefused(String reason) {
            super("The console is in read-only mode (" + reason + "): nothing was written.");
        }
    }

    /** Refused because the schema lacks a table or column the edit writes: a failure (exit 1), not bad input. */
    public static final class EditUnavailable extends IllegalStateException {
        private static final long serialVersionUID = 1L;

        EditUnavailable(String feature, List<String> problems) {
            super("This database does not support " + feature + " (" + String.join("; ", problems)
                    + "): nothing was written.");
        }
    }
}
