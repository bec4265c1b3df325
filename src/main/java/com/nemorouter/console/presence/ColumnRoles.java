package com.nemorouter.console.presence;

import java.util.Locale;
import java.util.Set;

/**
 * What a column is to an id, from its schema, table, name and type: whether presence counts it for an
 * organization, team or user, whether locate searches it, and the word the views show for it. Pure functions
 * of the catalog's facts; {@link PresenceQuery} reads the catalog and counts.
 */
public final class ColumnRoles {

    private ColumnRoles() {
    }

    /** Columns that name a user by convention, with or without a foreign key (real-deployments.md). */
    private static final Set<String> USER_REFERENCE_NAMES = Set.of("created_by", "updated_by", "user");

    /**
     * Whether locate searches this column for this input: the definition of a complete answer, shared with
     * the benchmark's plain-JDBC floor so both search the same columns.
     */
    public static boolean locateSearches(String schema, String table, String column, String type,
                                         boolean userReference, boolean uuidInput, boolean keyHashInput) {
        return locateRole(new PresenceQuery.CatalogColumn(schema, table, column, type, 0, false, userReference), uuidInput,
                keyHashInput) != null;
    }

    /** The id's role in {@code column} for locate, or null when locate does not search it for this input. */
    static String locateRole(PresenceQuery.CatalogColumn column, boolean uuidInput, boolean keyHashInput) {
        if (column.isArray() && !column.column().equals("teams")) {
            // Any text or uuid array may hold ids (assigned_team_ids, members, admins, ...): for UUIDs only,
            // since free text in arrays (models, routes) would match by accident.
            return uuidInput ? arrayRole(column.column()) : null;
        }
        if (column.userReference() || USER_REFERENCE_NAMES.contains(column.column())) {
            boolean scalar = column.type().equals("uuid") || column.type().equals("text")
                    || column.type().startsWith("character varying");
            return scalar && (uuidInput || !column.type().equals("uuid")) ? "user" : null;
        }
        if (column.column().equals("user_email") || column.column().equals("email")) {
            return uuidInput || !isUserTable(column) ? null : "user";
        }
        if (column.column().equals("token") || column.column().equals("api_key")) {
            boolean keyColumn = column.table().equals("LiteLLM_VerificationToken") && column.column().equals("token")
                    || column.table().equals("LiteLLM_SpendLogs") && column.column().equals("api_key");
            return keyHashInput && keyColumn ? "key" : null;
        }
        if (refersTo(IdKind.USER, column)) {
            return uuidInput || !column.type().equals("uuid") ? "user" : null;
        }
        if (!uuidInput) {
            return null;
        }
        if (refersTo(IdKind.ORGANIZATION, column)) {
            return "organization";
        }
        if (refersTo(IdKind.TEAM, column)) {
            return "team";
        }
        boolean scalar = column.type().equals("uuid") || column.type().equals("text");
        return scalar && (column.column().equals("id") || column.column().equals("object_id")) ? "other" : null;
    }

    /** What an array's ids are, from its name. */
    static String arrayRole(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.contains("team")) {
            return "team";
        }
        if (lower.contains("org")) {
            return "organization";
        }
        if (lower.contains("user") || lower.contains("member") || lower.contains("admin")) {
            return "user";
        }
        return "other";
    }

    private static boolean isUserTable(PresenceQuery.CatalogColumn column) {
        return column.schema().equals("auth") && column.table().equals("users")
                || column.schema().equals("public") && column.table().equals("LiteLLM_UserTable");
    }

    static boolean refersTo(IdKind kind, PresenceQuery.CatalogColumn column) {
        String name = column.column();
        boolean scalar = column.type().equals("uuid") || column.type().equals("text")
                || column.type().startsWith("character varying");
        return switch (kind) {
            case ORGANIZATION -> scalar && (name.equals("organization_id") || name.equals("org_id"));
            case TEAM -> (scalar && name.equals("team_id"))
                    || (column.type().equals("text[]") && name.equals("teams"));
            case USER -> (scalar && name.equals("user_id"))
                    || (scalar && name.equals("user") && column.table().equals("LiteLLM_SpendLogs"))
                    || (scalar && name.equals("id") && column.schema().equals("auth") && column.table().equals("users"))
                    || (column.type().equals("jsonb") && name.equals("members_with_roles"));
        };
    }

    static boolean isExpected(IdKind kind, PresenceQuery.CatalogColumn column) {
        String key = column.schema() + "." + column.table() + "." + column.column();
        return switch (kind) {
            case ORGANIZATION -> key.equals("nemo.organizations.organization_id")
                    || key.equals("public.LiteLLM_OrganizationTable.organization_id");
            case TEAM -> key.equals("nemo.teams.team_id") || key.equals("public.LiteLLM_TeamTable.team_id");
            case USER -> key.equals("auth.users.id") || key.equals("public.LiteLLM_UserTable.user_id");
        };
    }

    /** A short word for what the table is to the id, for the presence view and locate. */
    static String roleOf(PresenceQuery.CatalogColumn column) {
        String table = column.table().toLowerCase(Locale.ROOT);
        if (table.contains("membership")) {
            return "membership";
        }
        if (table.contains("verificationtoken")) {
            return "key";
        }
        if (table.contains("spendlogs")) {
            return "spend";
        }
        if (table.contains("audit")) {
            return "audit";
        }
        if (table.equals("organizations") || table.equals("litellm_organizationtable")) {
            return "organization";
        }
        if (table.equals("teams") || table.equals("litellm_teamtable")) {
            return column.column().equals("team_id") ? "team" : "roster";
        }
        if (table.equals("users") || table.equals("litellm_usertable")) {
            return column.column().equals("teams") ? "user's teams" : "user";
        }
        return "feature";
    }
}
