package com.nemorouter.console.audit;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * History in words: when (relative and absolute), what (a changed row in plain terms) and a before/after
 * diff of the keys that changed, instead of two raw JSON documents.
 */
public final class HistoryText {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter ABSOLUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final Map<String, String> TABLES = Map.of(
            "LiteLLM_OrganizationMembership", "organization membership",
            "LiteLLM_TeamMembership", "team membership",
            "LiteLLM_TeamTable", "team roster",
            "LiteLLM_UserTable", "LiteLLM user",
            "LiteLLM_VerificationToken", "key",
            "LiteLLM_OrganizationTable", "LiteLLM organization");

    private HistoryText() {
    }

    /** "just now", "5 min ago", "3 h ago", "yesterday", "12 days ago"; both times in UTC. */
    public static String relative(LocalDateTime at, LocalDateTime now) {
        Duration age = Duration.between(at, now);
        if (age.isNegative() || age.toSeconds() < 60) {
            return "just now";
        }
        if (age.toMinutes() < 60) {
            return age.toMinutes() + " min ago";
        }
        if (age.toHours() < 24) {
            return age.toHours() + " h ago";
        }
        long days = age.toDays();
        if (days == 1) {
            return "yesterday";
        }
        if (days < 60) {
            return days + " days ago";
        }
        return days / 30 + " months ago";
    }

    public static String absolute(LocalDateTime at) {
        return ABSOLUTE.format(at) + " UTC";
    }

    /** "3 h ago · 2026-12-02 17:40:12 UTC". */
    public static String when(LocalDateTime at, LocalDateTime now) {
        return relative(at, now) + " · " + absolute(at);
    }

    /** "Deleted team membership", "Updated team roster". */
    public static String what(AuditRecord record) {
        String action = record.action() == null || record.action().isEmpty() ? "Changed"
                : Character.toUpperCase(record.action().charAt(0)) + record.action().substring(1);
        return action + " " + TABLES.getOrDefault(record.tableName(), record.tableName());
    }

    /** "nemo-console:ana" stays; an empty value reads as unknown. */
    public static String who(AuditRecord record) {
        return record.changedBy() == null || record.changedBy().isBlank() ? "(unknown)" : record.changedBy();
    }

    /**
     * The changed keys, one line each: {@code ~ user_role: internal_user → org_admin}, {@code + key: value} for
     * a key only after, {@code - key: value} for one only before. Arrays of objects with a {@code user_id}
     * (rosters) list the members added and removed. Unparsable values are shown whole.
     */
    public static List<String> diff(String before, String after) {
        JsonNode old = parse(before);
        JsonNode now = parse(after);
        List<String> lines = new ArrayList<>();
        if ((before != null && old == null) || (after != null && now == null)) {
            lines.add("- " + (before == null ? "(nothing)" : before));
            lines.add("+ " + (after == null ? "(nothing)" : after));
            return lines;
        }
        if (old == null && now == null) {
            return lines;
        }
        if (old == null || now == null) {
            JsonNode only = old == null ? now : old;
            String sign = old == null ? "+ " : "- ";
            if (only.isObject()) {
                only.fieldNames().forEachRemaining(key -> lines.add(sign + key + ": " + show(only.get(key))));
            } else {
                lines.add(sign + show(only));
            }
            return lines;
        }
        if (old.isArray() && now.isArray()) {
            diffArray(old, now, lines);
            return lines;
        }
        if (old.isObject() && now.isObject()) {
            // LiteLLM's shape: before_value is the whole row, updated_values only the changed keys (and {} for
            // a delete). A key absent from updated_values did not change, so only a delete lists the old row.
            Set<String> keys = new LinkedHashSet<>();
            if (now.isEmpty()) {
                old.fieldNames().forEachRemaining(keys::add);
            }
            now.fieldNames().forEachRemaining(keys::add);
            for (String key : keys) {
                JsonNode a = old.get(key);
                JsonNode b = now.get(key);
                if (a == null) {
                    lines.add("+ " + key + ": " + show(b));
                } else if (b == null) {
                    lines.add("- " + key + ": " + show(a));
                } else if (!a.equals(b)) {
                    if (a.isArray() && b.isArray()) {
                        List<String> inner = new ArrayList<>();
                        diffArray(a, b, inner);
                        inner.forEach(line -> lines.add(line.charAt(0) + " " + key + ": " + line.substring(2)));
                    } else {
                        lines.add("~ " + key + ": " + show(a) + " → " + show(b));
                    }
                }
            }
            return lines;
        }
        if (!old.equals(now)) {
            lines.add("~ " + show(old) + " → " + show(now));
        }
        return lines;
    }

    private static void diffArray(JsonNode old, JsonNode now, List<String> lines) {
        List<JsonNode> removed = new ArrayList<>();
        old.forEach(removed::add);
        List<JsonNode> added = new ArrayList<>();
        for (JsonNode element : now) {
            if (!removed.remove(element)) {
                added.add(element);
            }
        }
        removed.forEach(element -> lines.add("- " + show(element)));
        added.forEach(element -> lines.add("+ " + show(element)));
    }

    private static String show(JsonNode value) {
        if (value == null || value.isNull()) {
            return "null";
        }
        if (value.isTextual()) {
            return value.asText();
        }
        if (value.isObject() && value.has("user_id")) {
            // A roster entry reads as who and which role.
            StringBuilder text = new StringBuilder(value.get("user_id").asText());
            for (Iterator<String> keys = value.fieldNames(); keys.hasNext(); ) {
                String key = keys.next();
                if (!key.equals("user_id")) {
                    text.append(' ').append(key).append('=').append(show(value.get(key)));
                }
            }
            return text.toString();
        }
        return value.toString();
    }

    private static JsonNode parse(String json) {
        if (json == null) {
            return null;
        }
        try {
            return JSON.readTree(json);
        } catch (java.io.IOException e) {
            return null;
        }
    }
}
