package com.nemorouter.console.testing;

/** What the console's audit rows must look like: as LiteLLM writes its own ({@code real-deployments.md}). */
public final class AuditShapes {

    /**
     * The console's audit rows that break LiteLLM's shape: objects only; before_value null exactly for
     * created; {} for deleted; a non-empty object of changed keys for updated; a whole row (with its
     * timestamps) before an update of a team or user; for the tables LiteLLM audits, object_id is the row's
     * own id (its new id when the change was the id). Empty when every row is shaped right.
     */
    public static final String LITELLM_SHAPE_VIOLATIONS = """
            select a.action, a.table_name, a.object_id, a.before_value::text, a.updated_values::text
            from "LiteLLM_AuditLog" a
            cross join lateral (select case a.table_name when 'LiteLLM_TeamTable' then 'team_id'
                                                         when 'LiteLLM_UserTable' then 'user_id'
                                                         when 'LiteLLM_VerificationToken' then 'token' end as name) id
            where a.changed_by like 'nemo-console:%'
              and (jsonb_typeof(a.updated_values) is distinct from 'object'
                   or (a.action = 'created') <> (a.before_value is null)
                   or (a.before_value is not null and jsonb_typeof(a.before_value) <> 'object')
                   or (a.action = 'deleted' and a.updated_values <> '{}'::jsonb)
                   or (a.action = 'updated' and a.updated_values = '{}'::jsonb)
                   or a.action not in ('created', 'updated', 'deleted')
                   or (id.name is not null
                       and a.object_id is distinct from coalesce(a.updated_values ->> id.name, a.before_value ->> id.name))
                   or (a.action = 'updated' and a.table_name in ('LiteLLM_TeamTable', 'LiteLLM_UserTable')
                       and not jsonb_exists_all(a.before_value, array['created_at', 'updated_at'])))
            """;

    private AuditShapes() {
    }
}
