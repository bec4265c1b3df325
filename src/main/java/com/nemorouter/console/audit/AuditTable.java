package com.nemorouter.console.audit;

import java.time.LocalDateTime;
import java.util.List;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.nemorouter.console.connection.SchemaNames;
import com.nemorouter.console.connection.SqlRows;

import jakarta.persistence.EntityManager;


/**
 * LiteLLM's own audit table, {@code LiteLLM_AuditLog}: the console's rows go there in the edit's
 * transaction, and History reads LiteLLM's rows and the console's alike from it. Older LiteLLM versions
 * have no such table ({@link #facts}).
 */
final class AuditTable {

    static final String NAME = "LiteLLM_AuditLog";

    /** What a write needs to know first: who the database says we are, and whether the table exists. */
    record Facts(String role, Boolean exists) {
    }

    /** A read row: {@code updated_at} arrives as ISO text at millisecond precision. */
    record Row(String id, String updatedAt, String changedBy, String action, String tableName, String objectId,
               String beforeValue, String updatedValues) {

        AuditRecord toRecord() {
            return new AuditRecord(id, LocalDateTime.parse(updatedAt), changedBy, action, tableName, objectId,
                    beforeValue, updatedValues);
        }
    }

    private AuditTable() {
    }

    /** The connection's role and whether the table exists: one statement. */
    static Facts facts(EntityManager em) {
        return SqlRows.select(em, 
                "select cast(current_user as text), to_regclass(cast(:auditTable as text)) is not null", Facts.class)
                .setParameter("auditTable", regclass(em))
                .getSingleResult();
    }

    /** Whether the table exists: one statement. */
    static boolean exists(EntityManager em) {
        return SqlRows.select(em, 
                "select to_regclass(cast(:auditTable as text)) is not null", Boolean.class)
                .setParameter("auditTable", regclass(em)).getSingleResult();
    }

    /** Inserts {@code records} with one multi-row statement (none for no records), in the caller's transaction. */
    static void insert(EntityManager em, List<AuditRecord> records) {
        if (records.isEmpty()) {
            return;
        }
        ArrayNode rows = JsonNodeFactory.instance.arrayNode();
        records.forEach(record -> rows.add(AuditJson.toJson(record)));
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

    /**
     * The rows that mention {@code objectId} (see {@link AuditHistory}), newest first, at most {@code limit}.
     * The table has no index on {@code object_id}: this is one bounded scan.
     */
    static List<AuditRecord> mentioning(EntityManager em, String objectId, int limit) {
        return SqlRows.select(em, """
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
                limit :limit""", Row.class)
                .setParameter("id", objectId)
                .setParameter("prefix", likeEscape(objectId) + "/%")
                .setParameter("suffix", "%/" + likeEscape(objectId))
                .setParameter("limit", limit)
                .getResultList().stream().map(Row::toRecord).toList();
    }

    /** The table's regclass name where this connection's schema names put LiteLLM. */
    private static String regclass(EntityManager em) {
        return SchemaNames.of(em).regclass("public", NAME);
    }

    private static String likeEscape(String value) {
        return value.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }
}
