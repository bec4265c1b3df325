package com.nemorouter.console.testing;

import java.util.EnumMap;
import java.util.Map;

import com.nemorouter.console.connection.ConnectionTarget;
import com.nemorouter.console.connection.SchemaNames;

/**
 * The test matrix of real deployments ({@code real-deployments.md}): {newest LiteLLM columns, 0.4.64's} ×
 * {default schema names, LiteLLM in {@code litellm} and nemo in {@code nemo_prod}}. Each variant is one
 * template database derived from the seed once per JVM; tests get private copies of it.
 */
public enum SchemaVariant {
    NEWEST_DEFAULT_SCHEMAS(false, false),
    NEWEST_RENAMED_SCHEMAS(false, true),
    V0_4_64_DEFAULT_SCHEMAS(true, false),
    V0_4_64_RENAMED_SCHEMAS(true, true);

    /** The columns newest LiteLLM has and 0.4.64 does not, as the doc lists them. */
    static final String DROP_0_4_64_COLUMNS = """
            alter table "LiteLLM_VerificationToken" drop column budget_limits;
            alter table "LiteLLM_DeletedVerificationToken" drop column budget_limits;
            alter table "LiteLLM_TeamTable" drop column budget_limits, drop column default_team_member_models;
            alter table "LiteLLM_DeletedTeamTable" drop column budget_limits, drop column default_team_member_models;
            alter table "LiteLLM_TeamMembership" drop column total_spend;
            alter table "LiteLLM_BudgetTable" drop column allowed_models;
            """;

    /** Prisma's {@code ?schema=litellm} and a renamed nemo schema; auth stays where Supabase puts it. */
    static final String RENAME_SCHEMAS = """
            alter schema nemo rename to nemo_prod;
            create schema litellm;
            do $$ declare t text; begin
              for t in select tablename from pg_tables where schemaname = 'public' and tablename like 'LiteLLM%' loop
                execute format('alter table public.%I set schema litellm', t);
              end loop;
            end $$;
            """;

    private static final Map<SchemaVariant, String> TEMPLATES = new EnumMap<>(SchemaVariant.class);

    private final boolean oldColumns;
    private final boolean renamed;

    SchemaVariant(boolean oldColumns, boolean renamed) {
        this.oldColumns = oldColumns;
        this.renamed = renamed;
    }

    public boolean oldColumns() {
        return oldColumns;
    }

    public SchemaNames schemas() {
        return renamed ? new SchemaNames("nemo_prod", "litellm", "auth") : SchemaNames.DEFAULT;
    }

    /** A new private copy of the seed in this variant's shape; open it with {@link #target}. */
    public String copyOfSeed() {
        return TestDatabases.copyOf(template());
    }

    private String template() {
        synchronized (TEMPLATES) {
            return TEMPLATES.computeIfAbsent(this, variant -> {
                String name = TestDatabases.copyOfSeed();
                StringBuilder sql = new StringBuilder();
                if (oldColumns) {
                    sql.append(DROP_0_4_64_COLUMNS);
                }
                if (renamed) {
                    sql.append(RENAME_SCHEMAS);
                }
                if (!sql.isEmpty()) {
                    TestDatabases.execute(TestDatabases.dataSource(name), sql.toString());
                }
                return name;
            });
        }
    }

    public ConnectionTarget target(String databaseName) {
        return TestDatabases.target(databaseName).withSchemas(schemas());
    }

    /** Plain-JDBC test SQL (written against the default names) for a copy of this variant. */
    public Sql sql(String databaseName) {
        return new Sql(TestDatabases.dataSource(databaseName), schemas());
    }
}
