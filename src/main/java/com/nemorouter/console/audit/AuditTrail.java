package com.nemorouter.console.audit;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nemorouter.console.connection.ConsoleHome;
import com.nemorouter.console.connection.SchemaNames;

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
 */
public final class AuditTrail {

    public static final String TABLE = "LiteLLM_AuditLog";
    public static final String LOCAL_FILE_NAME = "audit-log.jsonl";

    private final Path localFile;
    private final String operator;
    private final String auditAs;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper();

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
        Object[] facts = (Object[]) em.createNativeQuery(
                "select cast(current_user as text), to_regclass(cast(:auditTable as text)) is not null")
                .setParameter("auditTable", auditTable(em))
                .getSingleResult();
        String changedBy = changedBy((String) facts[0]);
        boolean tableExists = (Boolean) facts[1];
        LocalDateTime now = LocalDateTime.now(clock.withZone(ZoneOffset.UTC)).truncatedTo(ChronoUnit.MILLIS);
        List<AuditRecord> records = new ArrayList<>(entries.size());
        for (AuditEntry entry : entries) {
            records.add(new AuditRecord(UUID.randomUUID().toString(), now, changedBy, entry.action(),
                    entry.tableName(), entry.objectId(), entry.beforeValue(), entry.updatedValues()));
        }
        ArrayNode rows = json.createArrayNode();
        records.forEach(record -> rows.add(toJson(record)));
        if (!tableExists) {
            return new AuditReceipt(records, localFile);
        }
        if (!records.isEmpty()) {
            em.createNativeQuery("""
                    insert into {litellm}."LiteLLM_AuditLog"
                        (id, updated_at, changed_by, changed_by_api_key, action, table_name, object_id,
                         before_value, updated_values)
                    select r ->> 'id', cast(r ->> 'updated_at' as timestamp(3)), r ->> 'changed_by', '',
                           r ->> 'action', r ->> 'table_name', r ->> 'object_id',
                           nullif(r -> 'before_value', 'null'::jsonb), nullif(r -> 'updated_values', 'null'::jsonb)
                    from jsonb_array_elements(cast(:rows as jsonb)) r""")
                    .setParameter("rows", rows.toString())
                    .executeUpdate();
        }
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
        StringBuilder lines = new StringBuilder();
        for (AuditRecord record : receipt.records()) {
            lines.append(toJson(record)).append('\n');
        }
        try {
            Files.createDirectories(receipt.localFile().getParent());
            try (FileChannel channel = FileChannel.open(receipt.localFile(), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE, StandardOpenOption.APPEND);
                 FileLock lock = channel.lock()) {
                OutputStream out = Channels.newOutputStream(channel);
                out.write(lines.toString().getBytes(StandardCharsets.UTF_8));
                out.flush();
                channel.force(true);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not append to the local audit file " + receipt.localFile(), e);
        }
        return TABLE + " does not exist in this database: " + rows + " appended to " + receipt.localFile() + ".";
    }

    /**
     * The audit records that mention {@code objectId} (as the object, as the owner or member of a
     * composite id, as a key's team or user, or as a user on a roster before or after), newest first, at most
     * {@code limit}: LiteLLM's own rows and the console's alike, since both record whole rows as objects
     * (the console's older rows, with bare roster arrays, are still found). Reads the audit
     * table when it exists, else the local file. {@code LiteLLM_AuditLog} has no index on
     * {@code object_id}: this is one bounded scan. Runs inside the caller's (read) transaction.
     */
    @SuppressWarnings("unchecked")
    public List<AuditRecord> history(EntityManager em, String objectId, int limit) {
        boolean tableExists = (Boolean) em.createNativeQuery(
                "select to_regclass(cast(:auditTable as text)) is not null")
                .setParameter("auditTable", auditTable(em)).getSingleResult();
        if (!tableExists) {
            return historyFromFile(objectId, limit);
        }
        List<Object[]> rows = em.createNativeQuery("""
                select a.id, to_char(a.updated_at, 'YYYY-MM-DD"T"HH24:MI:SS.MS'), a.changed_by, a.action, a.table_name, a.object_id,
                       cast(a.before_value as text), cast(a.updated_values as text)
                from {litellm}."LiteLLM_AuditLog" a
                where a.object_id = :id
                   or a.object_id like :prefix escape '!' or a.object_id like :suffix escape '!'
                   or coalesce(a.before_value, a.updated_values) ->> 'team_id' = :id
                   or coalesce(a.before_value, a.updated_values) ->> 'user_id' = :id
                   or a.before_value -> 'members_with_roles' @> jsonb_build_array(jsonb_build_object('user_id', cast(:id as text)))
                   or a.updated_values -> 'members_with_roles' @> jsonb_build_array(jsonb_build_object('user_id', cast(:id as text)))
                   or a.before_value @> jsonb_build_array(jsonb_build_object('user_id', cast(:id as text)))
                   or a.updated_values @> jsonb_build_array(jsonb_build_object('user_id', cast(:id as text)))
                order by a.updated_at desc, a.id
                limit :limit""")
                .setParameter("id", objectId)
                .setParameter("prefix", likeEscape(objectId) + "/%")
                .setParameter("suffix", "%/" + likeEscape(objectId))
                .setParameter("limit", limit)
                .getResultList();
        List<AuditRecord> records = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            records.add(new AuditRecord((String) row[0], LocalDateTime.parse((String) row[1]), (String) row[2], (String) row[3],
                    (String) row[4], (String) row[5], (String) row[6], (String) row[7]));
        }
        return records;
    }

    private List<AuditRecord> historyFromFile(String objectId, int limit) {
        if (!Files.exists(localFile)) {
            return List.of();
        }
        List<AuditRecord> matches = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(localFile, StandardCharsets.UTF_8)) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode node = json.readTree(line);
                AuditRecord record = fromJson(node);
                JsonNode value = node.hasNonNull("before_value") ? node.get("before_value") : node.get("updated_values");
                boolean mentions = record.objectId().equals(objectId)
                        || record.objectId().startsWith(objectId + "/") || record.objectId().endsWith("/" + objectId)
                        || (value != null && (objectId.equals(value.path("team_id").asText(null))
                                || objectId.equals(value.path("user_id").asText(null))))
                        || onRoster(node.get("before_value"), objectId) || onRoster(node.get("updated_values"), objectId);
                if (mentions) {
                    matches.add(record);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the local audit file " + localFile, e);
        }
        matches.sort((a, b) -> b.updatedAt().compareTo(a.updatedAt()));
        return List.copyOf(matches.subList(0, Math.min(limit, matches.size())));
    }

    /** A roster: a team row's members_with_roles (LiteLLM's shape), or a bare array (older console rows). */
    private static boolean onRoster(JsonNode value, String userId) {
        JsonNode roster = value != null && value.isObject() ? value.get("members_with_roles") : value;
        if (roster == null || !roster.isArray()) {
            return false;
        }
        for (JsonNode entry : roster) {
            if (userId.equals(entry.path("user_id").asText(null))) {
                return true;
            }
        }
        return false;
    }

    private ObjectNode toJson(AuditRecord record) {
        ObjectNode node = json.createObjectNode();
        node.put("id", record.id());
        node.put("updated_at", record.updatedAt().toString());
        node.put("changed_by", record.changedBy());
        node.put("changed_by_api_key", "");
        node.put("action", record.action());
        node.put("table_name", record.tableName());
        node.put("object_id", record.objectId());
        node.set("before_value", parse(record.beforeValue()));
        node.set("updated_values", parse(record.updatedValues()));
        return node;
    }

    private AuditRecord fromJson(JsonNode node) {
        return new AuditRecord(node.path("id").asText(), LocalDateTime.parse(node.path("updated_at").asText()),
                node.path("changed_by").asText(), node.path("action").asText(), node.path("table_name").asText(),
                node.path("object_id").asText(), text(node.get("before_value")), text(node.get("updated_values")));
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? null : node.toString();
    }

    private JsonNode parse(String value) {
        if (value == null) {
            return json.nullNode();
        }
        try {
            return json.readTree(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("audit value is not JSON: " + e.getOriginalMessage());
        }
    }

    /** The audit table's regclass name where this connection's schema names put LiteLLM. */
    private static String auditTable(EntityManager em) {
        return SchemaNames.of(em).regclass("public", TABLE);
    }

    private static String likeEscape(String value) {
        return value.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }
}
