package com.nemorouter.console.diagnosis;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nemorouter.console.audit.AuditEntry;
import com.nemorouter.console.audit.AuditReceipt;
import com.nemorouter.console.audit.AuditRows;
import com.nemorouter.console.audit.AuditTrail;
import com.nemorouter.console.connection.Database;
import com.nemorouter.console.connection.SqlRows;
import com.nemorouter.console.integrity.RepairStatement;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

/**
 * The fixes a diagnosis offers ({@link KeyFix}): {@link #plan} checks the input against the row as it is now
 * and returns the exact statement; {@link #apply} runs it in one transaction with its audit row and diagnoses
 * the key again before committing. Refused in read-only mode. Runs on a background thread.
 */
public final class KeyFixService {

    static final String CHANGED_BY = "nemo-console";
    private static final String UTC_NOW = "timezone('utc', now())";

    private final Database database;
    private final AuditTrail auditTrail;
    private final KeyDiagnosisService diagnosis;
    /** Jackson on first use, not at wiring: its classes are a tenth of a second of every command's start. */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper();
    }

    public KeyFixService(Database database, AuditTrail auditTrail, KeyDiagnosisService diagnosis) {
        this.database = database;
        this.auditTrail = auditTrail;
        this.diagnosis = diagnosis;
    }

    /**
     * The fix of {@code diagnosed} (one read, of the row it changes).
     *
     * @param value what the fix needs (see {@link KeyFix#valueHint()}), ignored for unblocking
     * @throws IllegalArgumentException naming what is wrong with the input or why the fix does not apply now
     */
    public FixPlan plan(KeyDiagnosis diagnosed, KeyFix fix, String value) {
        if (!diagnosed.found()) {
            throw new IllegalArgumentException("The key was not found: there is nothing to fix.");
        }
        boolean onTeam = fix == KeyFix.UNBLOCK_TEAM || fix == KeyFix.RAISE_TEAM_BUDGET || fix == KeyFix.ADD_TEAM_MODEL;
        if (onTeam && diagnosed.teamId() == null) {
            throw new IllegalArgumentException("The key has no team: " + fix.title().toLowerCase() + " does not apply.");
        }
        String table = onTeam ? "LiteLLM_TeamTable" : "LiteLLM_VerificationToken";
        String idColumn = onTeam ? "team_id" : "token";
        String id = onTeam ? diagnosed.teamId() : diagnosed.resolvedToken();
        String text = value == null ? "" : value.strip();
        if (fix.needsValue() && text.isEmpty()) {
            throw new IllegalArgumentException(fix.title() + " needs a value: " + fix.valueHint() + ".");
        }
        JsonNode row = database.read(em -> row(em, table, idColumn, id, false));
        if (row == null) {
            throw new IllegalArgumentException("The " + (onTeam ? "team" : "key") + " no longer exists.");
        }
        String qualified = "{litellm}.\"" + table + "\"";
        String touch = "updated_at = " + UTC_NOW + (onTeam ? "" : ", updated_by = :by");
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("id", id);
        if (!onTeam) {
            parameters.put("by", CHANGED_BY);
        }
        String title;
        String sql;
        List<String> changed;
        switch (fix) {
            case UNBLOCK_KEY, UNBLOCK_TEAM -> {
                if (!row.path("blocked").asBoolean(false)) {
                    throw new IllegalArgumentException("The " + (onTeam ? "team" : "key") + " is not blocked.");
                }
                title = (onTeam ? "Unblock team " : "Unblock key ") + id;
                sql = "update " + qualified + " set blocked = false, " + touch + " where " + idColumn + " = :id and blocked";
                changed = List.of("blocked");
            }
            case EXTEND_EXPIRY -> {
                LocalDateTime expires = parseExpiry(text);
                LocalDateTime now = diagnosed.checkedAt();
                if (now != null && !expires.isAfter(now)) {
                    throw new IllegalArgumentException("The new expiry " + expires + " UTC is not in the future (now "
                            + now.withNano(0) + " UTC).");
                }
                parameters.put("expires", expires.toString().replace('T', ' '));
                title = "Extend key " + id + " until " + expires + " UTC";
                sql = "update " + qualified + " set expires = cast(:expires as timestamp(3)), " + touch + " where token = :id";
                changed = List.of("expires");
            }
            case RAISE_KEY_BUDGET, RAISE_TEAM_BUDGET -> {
                double budget = parseBudget(text);
                JsonNode current = row.get("max_budget");
                if (current != null && current.isNumber() && budget <= current.asDouble()) {
                    throw new IllegalArgumentException("max_budget is " + current.asDouble() + " already: a raise must be "
                            + "higher (got " + budget + ").");
                }
                parameters.put("max_budget", Double.toString(budget));
                title = "Raise the max_budget of " + (onTeam ? "team " : "key ") + id + " to " + budget;
                sql = "update " + qualified + " set max_budget = cast(:max_budget as double precision), " + touch
                        + " where " + idColumn + " = :id";
                changed = List.of("max_budget");
            }
            case ADD_KEY_MODEL, ADD_TEAM_MODEL -> {
                if (text.chars().anyMatch(Character::isWhitespace) || text.contains(",") || text.contains("{")) {
                    throw new IllegalArgumentException("'" + text + "' is not one model name (no spaces, commas or braces).");
                }
                JsonNode models = row.get("models");
                if (models == null || !models.isArray() || models.isEmpty()) {
                    throw new IllegalArgumentException("The " + (onTeam ? "team" : "key") + "'s models list is empty, "
                            + "which allows every model already; adding one would restrict it to that model.");
                }
                for (JsonNode model : models) {
                    if (model.asText().equals(text)) {
                        throw new IllegalArgumentException(text + " is listed already.");
                    }
                }
                parameters.put("model", text);
                title = "Add " + text + " to the models of " + (onTeam ? "team " : "key ") + id;
                sql = "update " + qualified + " set models = array_append(models, cast(:model as text)), " + touch
                        + " where " + idColumn + " = :id and array_position(models, cast(:model as text)) is null";
                changed = List.of("models");
            }
            default -> throw new IllegalArgumentException("Unknown fix " + fix);
        }
        return new FixPlan(fix, title, table, idColumn, id, new RepairStatement(database.target().schemas().resolve(sql), parameters), changed,
                DiagnosisRequest.withVersion(diagnosed));
    }

    /**
     * Runs {@code plan}: the row is locked and read, updated, audited, and the key diagnosed again, all in one
     * transaction; any failure rolls everything back.
     *
     * @throws IllegalStateException in read-only mode, or when the row changed so that the fix no longer applies
     */
    public FixOutcome apply(FixPlan plan) {
        database.readOnlyReason().ifPresent(reason -> {
            throw new IllegalStateException("Read-only (" + reason + "): the fix was not applied.");
        });
        Applied applied = database.write(em -> {
            // Lock the row, then read it whole as LiteLLM's audit log records it, change it, and read it again.
            boolean exists = row(em, plan.table(), plan.idColumn(), plan.objectId(), true) != null;
            String before = exists ? AuditRows.read(em, plan.table(), plan.objectId()) : null;
            Query query = em.createNativeQuery(plan.statement().sql());
            plan.statement().parameters().forEach(query::setParameter);
            if (before == null || query.executeUpdate() != 1) {
                throw new IllegalStateException("Nothing changed: the " + (plan.table().equals("LiteLLM_TeamTable") ? "team"
                        : "key") + " changed meanwhile, so the fix no longer applies. Nothing was written.");
            }
            String after = AuditRows.read(em, plan.table(), plan.objectId());
            AuditReceipt receipt = auditTrail.record(em, List.of(AuditEntry.updated(plan.table(), plan.objectId(),
                    before, after)));
            return new Applied(receipt, diagnosis.diagnose(em, plan.request()));
        });
        String message = auditTrail.publish(applied.receipt());
        return new FixOutcome(plan, message, applied.after());
    }

    /** What {@link #apply}'s transaction hands back: the audit receipt to publish and the key diagnosed again. */
    private record Applied(AuditReceipt receipt, KeyDiagnosis after) {
    }

    private JsonNode row(EntityManager em, String table, String idColumn, String id, boolean lock) {
        List<String> rows = SqlRows.select(em, "select cast(to_jsonb(r) as text) from {litellm}.\"" + table
                + "\" r where r." + idColumn + " = :id" + (lock ? " for update" : ""), String.class)
                .setParameter("id", id).getResultList();
        if (rows.isEmpty()) {
            return null;
        }
        try {
            return Json.MAPPER.readTree(rows.get(0));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The row is not JSON: " + e.getOriginalMessage(), e);
        }
    }

    static LocalDateTime parseExpiry(String text) {
        try {
            return text.length() <= 10 ? LocalDate.parse(text).atStartOfDay() : LocalDateTime.parse(text.replace(' ', 'T'));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + text + "' is not a date: write 2027-01-31 or 2027-01-31T18:00 (UTC).");
        }
    }

    static double parseBudget(String text) {
        try {
            double budget = Double.parseDouble(text);
            if (!Double.isFinite(budget) || budget <= 0) {
                throw new NumberFormatException();
            }
            return budget;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is not a budget: write a positive number such as 250.");
        }
    }
}
