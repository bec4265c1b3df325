package com.nemorouter.console.audit;

import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One changed object, shaped as LiteLLM writes its own {@code LiteLLM_AuditLog} rows
 * ({@code real-deployments.md}, "How LiteLLM writes its own audit rows"), so LiteLLM's audit view and
 * anyone querying the table read the console's rows the same way:
 * <ul>
 *   <li>{@code object_id} is the row's own id (team_id, user_id, token); only membership rows, which
 *       LiteLLM never audits, use the composite {@code <org or team id>/<user id>};</li>
 *   <li>{@code before_value} is the whole row before the change as a JSON object (null for created);</li>
 *   <li>{@code updated_values} is a JSON object: the whole new row for created, the changed keys with their
 *       new values for updated, {@code {}} for deleted.</li>
 * </ul>
 * Build entries with {@link #created}, {@link #updated} and {@link #deleted} from whole rows (see
 * {@link AuditRows#read}); the constructor refuses anything but JSON objects.
 *
 * @param action        {@code created}, {@code updated} or {@code deleted} (LiteLLM's words)
 * @param tableName     the table the object lives in, e.g. {@code LiteLLM_TeamTable}
 * @param objectId      the object's id in that table
 * @param beforeValue   JSON object text, null for {@code created}
 * @param updatedValues JSON object text
 */
public record AuditEntry(String action, String tableName, String objectId, String beforeValue, String updatedValues) {

    public static final Set<String> ACTIONS = Set.of("created", "updated", "deleted");

    private static final ObjectMapper JSON = new ObjectMapper();

    public AuditEntry {
        Objects.requireNonNull(tableName, "tableName");
        Objects.requireNonNull(objectId, "objectId");
        if (!ACTIONS.contains(action)) {
            throw new IllegalArgumentException("audit action must be created, updated or deleted, not " + action);
        }
        if (beforeValue != null) {
            requireObject(beforeValue, "before_value");
        }
        requireObject(Objects.requireNonNull(updatedValues, "updatedValues"), "updated_values");
    }

    /** A new row: {@code updated_values} is the whole new row. */
    public static AuditEntry created(String tableName, String objectId, String row) {
        return new AuditEntry("created", tableName, objectId, null, row);
    }

    /**
     * A changed row: {@code before_value} is the whole row before, {@code updated_values} the keys whose
     * values differ in {@code afterRow} (a key the row lost is recorded as null).
     */
    public static AuditEntry updated(String tableName, String objectId, String beforeRow, String afterRow) {
        return new AuditEntry("updated", tableName, objectId, beforeRow, changedKeys(beforeRow, afterRow));
    }

    /** A deleted row: {@code before_value} is the whole row, {@code updated_values} is {@code {}}. */
    public static AuditEntry deleted(String tableName, String objectId, String beforeRow) {
        return new AuditEntry("deleted", tableName, objectId, beforeRow, "{}");
    }

    /** The id of a composite-key row such as an org or team membership, as the console records it. */
    public static String compositeId(String ownerId, String userId) {
        return ownerId + "/" + userId;
    }

    /** True when an {@code updated} entry changed nothing (the keys object is empty). */
    public boolean changesNothing() {
        return action.equals("updated") && object(updatedValues, "updated_values").isEmpty();
    }

    /** The object of keys whose values differ between two whole rows, with their new values. */
    static String changedKeys(String beforeRow, String afterRow) {
        ObjectNode before = object(beforeRow, "before_value");
        ObjectNode after = object(afterRow, "updated_values");
        ObjectNode changed = JSON.createObjectNode();
        for (Iterator<Map.Entry<String, JsonNode>> fields = after.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (!field.getValue().equals(before.get(field.getKey()))) {
                changed.set(field.getKey(), field.getValue());
            }
        }
        for (Iterator<String> names = before.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!after.has(name)) {
                changed.putNull(name);
            }
        }
        return changed.toString();
    }

    /**
     * Refuses anything but one JSON object, reading its tokens without building a tree: a team row's roster
     * is up to megabytes, and {@link #updated} has just built the tree it was derived from.
     */
    private static void requireObject(String value, String what) {
        try (JsonParser parser = JSON.getFactory().createParser(value)) {
            JsonToken first = parser.nextToken();
            if (first != JsonToken.START_OBJECT) {
                throw new IllegalArgumentException(what + " must be a JSON object (as LiteLLM writes it), not "
                        + (first == null ? "empty text" : kind(first)));
            }
            parser.skipChildren();
            if (parser.nextToken() != null) {
                throw new IllegalArgumentException(what + " is not JSON: more than one value");
            }
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(what + " is not JSON: " + e.getOriginalMessage());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String kind(JsonToken token) {
        return switch (token) {
            case START_ARRAY -> "array";
            case VALUE_STRING -> "string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "number";
            case VALUE_TRUE, VALUE_FALSE -> "boolean";
            case VALUE_NULL -> "null";
            default -> token.name().toLowerCase(java.util.Locale.ROOT);
        };
    }

    private static ObjectNode object(String value, String what) {
        try {
            JsonNode node = JSON.readTree(value);
            if (node instanceof ObjectNode object) {
                return object;
            }
            throw new IllegalArgumentException(what + " must be a JSON object (as LiteLLM writes it), not "
                    + (node == null ? "empty text" : node.getNodeType().name().toLowerCase(java.util.Locale.ROOT)));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(what + " is not JSON: " + e.getOriginalMessage());
        }
    }
}
