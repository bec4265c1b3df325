package com.nemorouter.console.integrity;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nemorouter.console.audit.AuditEntry;
import com.nemorouter.console.audit.AuditReceipt;
import com.nemorouter.console.audit.AuditRows;
import com.nemorouter.console.audit.AuditTrail;
import com.nemorouter.console.connection.Database;
import com.nemorouter.console.integrity.repair.Repair;
import com.nemorouter.console.integrity.repair.Repairs;
import com.nemorouter.console.membership.RosterLocks;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

/**
 * Safe fixes for audit findings. {@link #plan} reads what the fix needs and returns the exact statements;
 * {@link #apply} runs them in one transaction: roster locks first when a roster is touched (LiteLLM's
 * protocol, {@link RosterLocks}), then the statements, the {@code LiteLLM_AuditLog} rows
 * ({@link AuditTrail}) and the check again, so the caller sees whether the finding is gone. Each check's
 * fix is its own {@link Repair} ({@link Repairs}); every statement is guarded, so a plan applied after
 * someone else fixed the same drift changes nothing. Methods run on a background thread.
 */
public final class RepairService {

    private final Database database;
    private final AuditTrail auditTrail;
    private final RosterLocks rosterLocks;

    public RepairService(Database database, AuditTrail auditTrail, RosterLocks rosterLocks) {
        this.database = database;
        this.auditTrail = auditTrail;
        this.rosterLocks = rosterLocks;
    }

    /** The ways {@code finding} can be repaired; empty when no safe fix exists for it. No database access. */
    public static List<RepairChoice> choices(Finding finding) {
        return Repairs.of(finding.check()).map(repair -> repair.choices(finding)).orElse(List.of());
    }

    /**
     * The repair of {@code finding}: one read transaction, one statement to check its preconditions.
     *
     * @throws IllegalArgumentException when it cannot be repaired (now), saying why
     */
    public RepairPlan plan(Finding finding, RepairChoice choice) {
        if (!choices(finding).contains(choice)) {
            throw new IllegalArgumentException("No safe repair of " + finding.check().id() + " for " + finding.entityId()
                    + (choice == RepairChoice.DEFAULT ? "." : " with " + choice + "."));
        }
        Repair repair = Repairs.of(finding.check()).orElseThrow();
        RepairPlan plan = database.read(em -> repair.plan(em, finding, choice));
        // The preview the user copies must name this database's schemas, not the placeholders.
        return plan.resolved(database.target().schemas());
    }

    /** What the write transaction hands back: where the audit records are, and the check run again. */
    private record Applied(AuditReceipt receipt, CheckResult recheck) {
    }

    /**
     * Runs {@code plan} in one write transaction: locks, statements, audit rows, then the check again.
     * Rolls back entirely when any statement fails. Appends the audit records to the local file after
     * the commit when {@code LiteLLM_AuditLog} does not exist.
     */
    public RepairOutcome apply(RepairPlan plan) {
        Applied applied = database.write(em -> {
            if (!plan.lockTeams().isEmpty() || !plan.lockUsers().isEmpty()) {
                rosterLocks.lock(em, plan.lockTeams(), plan.lockUsers());
            }
            Map<String, Map<String, String>> before = wholeRows(em, plan.audit());
            for (RepairStatement statement : plan.statements()) {
                Query query = em.createNativeQuery(statement.sql());
                statement.parameters().forEach(query::setParameter);
                query.executeUpdate();
            }
            AuditReceipt receipt = auditTrail.record(em, asWritten(plan.audit(), before, wholeRows(em, plan.audit())));
            return new Applied(receipt, AuditService.execute(em, plan.finding().check()));
        });
        String message = auditTrail.publish(applied.receipt());
        return new RepairOutcome(plan, message, applied.recheck());
    }

    /**
     * The whole rows, by table and id, of the planned audit entries' objects in tables LiteLLM audits by
     * row ({@link AuditRows#ID_COLUMNS}): under the entry's id and, for an id the repair changes, the old id
     * its planned before value names. One statement per table.
     */
    private static Map<String, Map<String, String>> wholeRows(EntityManager em, List<AuditEntry> planned) {
        Map<String, Set<String>> ids = new TreeMap<>();
        for (AuditEntry entry : planned) {
            if (AuditRows.ID_COLUMNS.containsKey(entry.tableName())) {
                Set<String> tableIds = ids.computeIfAbsent(entry.tableName(), table -> new TreeSet<>());
                tableIds.add(entry.objectId());
                tableIds.add(beforeId(entry));
            }
        }
        Map<String, Map<String, String>> rows = new HashMap<>();
        ids.forEach((table, tableIds) -> rows.put(table, AuditRows.read(em, table, List.copyOf(tableIds))));
        return rows;
    }

    /** The id the object had before the repair: a planned before value that names its id column says it. */
    private static String beforeId(AuditEntry entry) {
        String idColumn = AuditRows.ID_COLUMNS.get(entry.tableName());
        if (entry.beforeValue() != null) {
            try {
                JsonNode before = new ObjectMapper().readTree(entry.beforeValue());
                if (before.hasNonNull(idColumn)) {
                    return before.get(idColumn).asText();
                }
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("planned audit value is not JSON", e);
            }
        }
        return entry.objectId();
    }

    /**
     * The audit entries as LiteLLM shapes them, from the whole rows before and after the statements:
     * created (no row before), updated (the changed keys; nothing when nothing changed, as when a guard
     * found the repair already made), deleted. Entries of other tables stay as planned.
     */
    private static List<AuditEntry> asWritten(List<AuditEntry> planned, Map<String, Map<String, String>> before,
                                              Map<String, Map<String, String>> after) {
        List<AuditEntry> written = new ArrayList<>();
        for (AuditEntry entry : planned) {
            if (!AuditRows.ID_COLUMNS.containsKey(entry.tableName())) {
                written.add(entry);
                continue;
            }
            String old = before.get(entry.tableName()).get(beforeId(entry));
            String now = after.get(entry.tableName()).get(entry.objectId());
            if (old == null && now != null) {
                written.add(AuditEntry.created(entry.tableName(), entry.objectId(), now));
            } else if (old != null && now != null) {
                AuditEntry updated = AuditEntry.updated(entry.tableName(), entry.objectId(), old, now);
                if (!updated.changesNothing()) {
                    written.add(updated);
                }
            } else if (old != null) {
                written.add(AuditEntry.deleted(entry.tableName(), entry.objectId(), old));
            }
        }
        return written;
    }
}
