package com.nemorouter.console.audit;

import java.time.LocalDateTime;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * An {@link AuditRecord} as one JSON object with {@code LiteLLM_AuditLog}'s column names: the shape of a
 * local file line and of the rows the audit table's insert reads.
 */
final class AuditJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private AuditJson() {
    }

    /** @throws IllegalArgumentException when the before or after value is not JSON */
    static ObjectNode toJson(AuditRecord record) {
        ObjectNode node = JSON.createObjectNode();
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

    static AuditRecord fromJson(JsonNode node) {
        return new AuditRecord(node.path("id").asText(), LocalDateTime.parse(node.path("updated_at").asText()),
                node.path("changed_by").asText(), node.path("action").asText(), node.path("table_name").asText(),
                node.path("object_id").asText(), text(node.get("before_value")), text(node.get("updated_values")));
    }

    static JsonNode readTree(String line) throws JsonProcessingException {
        return JSON.readTree(line);
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? null : node.toString();
    }

    private static JsonNode parse(String value) {
        if (value == null) {
            return JSON.nullNode();
        }
        try {
            return JSON.readTree(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("audit value is not JSON: " + e.getOriginalMessage());
        }
    }
}
