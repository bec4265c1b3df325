package com.nemorouter.console.diagnosis;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.nemorouter.console.connection.SqlRows;

import jakarta.persistence.EntityManager;

/**
 * Statement 1 of a diagnosis: which optional LiteLLM tables and columns exist (they differ between versions),
 * and how large {@code LiteLLM_SpendLogs} is.
 *
 * @param columns       each table found, with those of the optional columns it has
 * @param spendLogRows  the planner's estimate of SpendLogs' rows (its partitions summed)
 * @param apiKeyIndexed SpendLogs has an index led by {@code api_key}
 */
record DiagnosisCatalog(Map<String, Set<String>> columns, long spendLogRows, boolean apiKeyIndexed) {

    private static final Set<String> TABLES = Set.of("LiteLLM_DeprecatedVerificationToken", "LiteLLM_EndUserTable",
            "LiteLLM_ModelTable", "LiteLLM_ProxyModelTable", "LiteLLM_VerificationToken", "LiteLLM_TeamTable",
            "LiteLLM_SpendLogs");

    /** One table of the catalog as the query returns it. */
    private record Table(String name, String[] optionalColumns, long estimatedRows, boolean apiKeyIndexed) {
    }

    /** One statement in the caller's transaction; {@code liteLlmSchema} is the connection's real schema name. */
    static DiagnosisCatalog read(EntityManager em, String liteLlmSchema) {
        List<Table> tables = SqlRows.select(em, """
                select c.relname::text,
                       array(select a.attname::text from pg_attribute a
                             where a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
                               and a.attname in ('budget_limits', 'allowed_routes', 'model_id', 'object_permission_id',
                                                 'aliases', 'model_info', 'budget_id')),
                       case when c.relkind = 'p'
                            then (select coalesce(sum(greatest(p.reltuples, 0)), 0) from pg_inherits i
                                  join pg_class p on p.oid = i.inhrelid where i.inhparent = c.oid)
                            else greatest(c.reltuples, 0) end::bigint,
                       exists (select 1 from pg_index x join pg_attribute a
                                   on a.attrelid = x.indrelid and a.attnum = x.indkey[0]
                               where x.indrelid = c.oid and a.attname = 'api_key')
                from pg_class c join pg_namespace n on n.oid = c.relnamespace
                where n.nspname = :schema and c.relkind in ('r', 'p', 'v') and c.relname = any(cast(:tables as text[]))""", Table.class)
                .setParameter("schema", liteLlmSchema)
                .setParameter("tables", "{" + String.join(",", TABLES) + "}")
                .getResultList();
        Map<String, Set<String>> columns = new HashMap<>();
        long spendLogRows = 0;
        boolean indexed = false;
        for (Table table : tables) {
            columns.put(table.name(), Set.copyOf(Arrays.asList(table.optionalColumns())));
            if ("LiteLLM_SpendLogs".equals(table.name())) {
                spendLogRows = table.estimatedRows();
                indexed = table.apiKeyIndexed();
            }
        }
        return new DiagnosisCatalog(columns, spendLogRows, indexed);
    }

    boolean has(String table) {
        return columns.containsKey(table);
    }

    boolean has(String table, String column) {
        return columns.getOrDefault(table, Set.of()).contains(column);
    }

    String spendLogsSkipReason(long limit) {
        if (!has("LiteLLM_SpendLogs")) {
            return "no LiteLLM_SpendLogs table";
        }
        if (apiKeyIndexed || spendLogRows <= limit) {
            return null;
        }
        return "~" + spendLogRows + " rows and no index on api_key";
    }
}
