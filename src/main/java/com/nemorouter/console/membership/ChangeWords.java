package com.nemorouter.console.membership;

import java.util.function.UnaryOperator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nemorouter.console.audit.AuditEntry;

/**
 * One changed row in words ("Remove ana@acme.example from team Platform"), with the table in brackets
 * for whoever checks it in SQL. Used by confirmations, which must name people and teams, not UUIDs.
 */
public final class ChangeWords {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ChangeWords() {
    }

    /** @param name the words for an id (email, team or organization name); returns the id when unknown */
    public static String describe(AuditEntry change, UnaryOperator<String> name) {
        String id = change.objectId();
        String owner = id.contains("/") ? id.substring(0, id.indexOf('/')) : id;
        String user = id.contains("/") ? id.substring(id.indexOf('/') + 1) : id;
        String words = switch (change.tableName()) {
            case "LiteLLM_OrganizationMembership" -> switch (change.action()) {
                case "created" -> "Add " + name.apply(user) + " to organization " + name.apply(owner)
                        + role(change.updatedValues());
                case "deleted" -> "Remove " + name.apply(user) + " from organization " + name.apply(owner);
                default -> "Change the role of " + name.apply(user) + " in organization " + name.apply(owner)
                        + role(change.updatedValues());
            };
            case "LiteLLM_TeamMembership" -> switch (change.action()) {
                case "created" -> "Add " + name.apply(user) + " to team " + name.apply(owner);
                case "deleted" -> "Remove " + name.apply(user) + " from team " + name.apply(owner);
                default -> "Update " + name.apply(user) + " in team " + name.apply(owner);
            };
            case "LiteLLM_TeamTable" -> "Rewrite the roster of team " + name.apply(id);
            case "LiteLLM_UserTable" -> change.action().equals("created")
                    ? "Create the LiteLLM user " + name.apply(id)
                    : "Update the team list of " + name.apply(id);
            case "LiteLLM_VerificationToken" -> key(change, name);
            default -> capitalized(change.action()) + " " + id;
        };
        return words + "  (" + change.tableName() + ")";
    }

    private static String key(AuditEntry change, UnaryOperator<String> name) {
        JsonNode row = parse(change.action().equals("deleted") ? change.beforeValue() : change.updatedValues());
        String alias = text(row, "key_alias");
        String keyName = text(row, "key_name");
        String label = alias != null ? "\"" + alias + "\"" : keyName != null ? keyName : "…" + tail(change.objectId());
        String owner = text(row, "user_id");
        String team = text(row, "team_id");
        String verb = change.action().equals("deleted") ? "Archive key " : capitalized(change.action()) + " key ";
        return verb + label + (owner == null ? "" : " of " + name.apply(owner))
                + (team == null ? "" : " in team " + name.apply(team));
    }

    private static String role(String json) {
        String role = text(parse(json), "user_role");
        return role == null ? "" : " as " + role;
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

    private static String text(JsonNode row, String field) {
        JsonNode value = row == null ? null : row.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static String tail(String token) {
        return token.length() <= 8 ? token : token.substring(token.length() - 8);
    }

    private static String capitalized(String word) {
        return word.isEmpty() ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }

    /** "1 row", "2 rows": counts in messages read as English. */
    public static String count(int n, String singular, String plural) {
        return n + " " + (n == 1 ? singular : plural);
    }
}
