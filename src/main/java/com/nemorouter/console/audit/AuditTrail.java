package com.nemorouter.console.audit;

import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.nemorouter.console.connection.ConsoleHome;

import jakarta.persistence.EntityManager;

/**
 * Writes the audit trail of an edit: one {@code LiteLLM_AuditLog} row per changed object, in the caller's
 * transaction, so the audit rows commit or roll back with the change itself. {@code changed_by} is
 * {@code nemo-console:<OS user>@<host> (db role <role>)}, or with "Audit as" set
 * {@code <audit as> (nemo-console:<OS user>@<host>, db role <role>)}.
 *
 * <p>When {@code LiteLLM_AuditLog} does not exist (older LiteLLM), the same records go to an append-only
 * JSON-lines file in the console home instead. A file cannot take part in the database transaction, so
 * it is appended only after the commit: call {@link #record} inside the transaction and {@link #publish}
 * after it committed. A rolled-back edit therefore never leaves an audit line behind.
 *
 * <p>This class says who did what and when; {@link AuditTable} and {@link AuditFile} are where the records
 * go, and {@link AuditHistory} reads them back.
 */
public final class AuditTrail {

    public static final String TABLE = AuditTable.NAME;
    public static final String LOCAL_FILE_NAME = "audit-log.jsonl";

    private final Path localFile;
    private final String operator;
    private final String auditAs;
    private final Clock clock;

    /**
     * @param osUser the operating-system user running the console
     * @param host   this machine's host name
     */
    public AuditTrail(ConsoleHome home, String osUser, String host, Clock clock) {
        this(home.directory().resolve(LOCAL_FILE_NAME), osUser + "@" + host, "", clock);
    }

    private AuditTrail(Path localFile, String operator, String auditAs, Clock clock) {
        this.localFile = localFile;
        this.operator = operator;
        this.auditAs = auditAs;
        this.clock = clock;
    }

    /**
     * The same trail naming {@code person} (a profile's "Audit as", e.g. the admin's email) first in
     * {@code changed_by}, as LiteLLM names the acting user, so LiteLLM's audit view shows who it was; the
     * console marker follows: {@code admin@acme.example (nemo-console:alice@ws1, db role console)}.
     */
    public AuditTrail as(String person) {
        return new AuditTrail(localFile, operator, person == null ? "" : person.strip(), clock);
    }

    /** What {@code changed_by} holds for a database role. */
    String changedBy(String role) {
        String marker = "nemo-console:" + operator;
        return auditAs.isEmpty() ? marker + " (db role " + role + ")"
                : auditAs + " (" + marker + ", db role " + role + ")";
    }

    /** The trail of the user running this JVM, on this machine, in real time. */
    public static AuditTrail forThisMachine(ConsoleHome home) {
        return new AuditTrail(home, System.getProperty("user.name", "unknown"), hostName(), Clock.systemUTC());
    }

    private static String hostName() {
        String fromEnvironment = System.getenv("HOSTNAME");
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return fromEnvironment;
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "unknown-host";
        }
    }

    /** {@code <OS user>@<host>}: archives written beside the audit rows name the same person. */
    public String operator() {
        return operator;
    }

    public Path localFile() {
        return localFile;
    }

    /**
     * Records {@code entries} inside the caller's transaction: two statements (the role and whether the
     * audit table exists, then one multi-row INSERT), or one when the table is missing.
     *
     * @return the records; when {@link AuditReceipt#inAuditTable()} is false, pass it to {@link #publish}
     *         after the commit
     * @throws IllegalArgumentException when an entry's before or after value is not JSON
     */
    public AuditReceipt record(EntityManager em, List<AuditEntry> entries) {
        AuditTable.Facts facts = AuditTable.facts(em);
        String changedBy = changedBy(facts.role());
        LocalDateTime now = LocalDateTime.now(clock.withZone(ZoneOffset.UTC)).truncatedTo(ChronoUnit.MILLIS);
        List<AuditRecord> records = new ArrayList<>(entries.size());
        for (AuditEntry entry : entries) {
            records.add(new AuditRecord(UUID.randomUUID().toString(), now, changedBy, entry.action(),
                    entry.tableName(), entry.objectId(), entry.beforeValue(), entry.updatedValues()));
        }
        if (!facts.exists()) {
            // Refuse a value that is not JSON now, as the insert does, not after the commit.
            records.forEach(AuditJson::toJson);
            return new AuditReceipt(records, localFile);
        }
        AuditTable.insert(em, records);
        return new AuditReceipt(records, null);
    }

    /**
     * After the transaction committed: appends the records of a receipt that could not go into the audit
     * table to the local file (one JSON object a line, under an exclusive file lock so two consoles never
     * interleave). Does nothing for records that are already in {@code LiteLLM_AuditLog}.
     *
     * @return one sentence saying where the audit records are
     * @throws UncheckedIOException when the file cannot be written (the edit itself is committed)
     */
    public String publish(AuditReceipt receipt) {
        int count = receipt.records().size();
        String rows = count == 1 ? "1 audit record" : count + " audit records";
        if (receipt.inAuditTable()) {
            return rows + " written to " + TABLE + ".";
        }
        new AuditFile(receipt.localFile()).append(receipt.records());
        return TABLE + " does not exist in this database: " + rows + " appended to " + receipt.localFile() + ".";
    }
}
