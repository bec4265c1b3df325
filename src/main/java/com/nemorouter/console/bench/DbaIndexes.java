package com.nemorouter.console.bench;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import com.nemorouter.console.connection.Database;
import com.nemorouter.console.connection.Lowered;

/**
 * The indexes a DBA may add where they change a figure a lot (the README lists them; the console never runs
 * them), and the benchmark's timing of the operations they change, on its own generated database only.
 */
public final class DbaIndexes {

    private DbaIndexes() {
    }

    /**
     * Indexes a DBA may add on LiteLLM's tables for the console's lookups by organization (LiteLLM has none
     * there). The console never creates them; the benchmark times the operations they speed up with them
     * on its own generated dataset only, then drops them.
     */
    public static final List<String> INDEXES = List.of(
            "create index concurrently if not exists \"LiteLLM_OrganizationMembership_organization_id_idx\" "
                    + "on {litellm}.\"LiteLLM_OrganizationMembership\" (organization_id)",
            "create index concurrently if not exists \"LiteLLM_VerificationToken_organization_id_idx\" "
                    + "on {litellm}.\"LiteLLM_VerificationToken\" (organization_id)",
            "create index concurrently if not exists \"LiteLLM_SpendLogs_organization_id_idx\" "
                    + "on {litellm}.\"LiteLLM_SpendLogs\" (organization_id)",
            // Trigram indexes answer the list's substring search without scanning both org tables (pg_trgm). An
            // expression index serves only its own expression: the search's lower-casing (Lowered), not lower().
            "create index concurrently if not exists organizations_name_trgm_idx "
                    + "on {nemo}.organizations using gin (" + Lowered.of("name") + " gin_trgm_ops)",
            "create index concurrently if not exists organizations_slug_trgm_idx "
                    + "on {nemo}.organizations using gin (" + Lowered.of("slug") + " gin_trgm_ops)",
            "create index concurrently if not exists \"LiteLLM_OrganizationTable_alias_trgm_idx\" "
                    + "on {litellm}.\"LiteLLM_OrganizationTable\" using gin (" + Lowered.of("organization_alias")
                    + " gin_trgm_ops)");

    /** What the trigram indexes above need; on Supabase it is available to enable. */
    public static final String EXTENSION = "create extension if not exists pg_trgm";

    /** The operations those indexes change. */
    public static final List<String> OPERATIONS = List.of("search", "member_counts", "open_org", "org_members",
            "locate");

    static List<Benchmark.Result> timeWith(Benchmark benchmark, Database database, List<Benchmark.Operation> operations,
                                           int runs, PrintStream progress) {
        List<Benchmark.Operation> affected = operations.stream()
                .filter(operation -> OPERATIONS.contains(operation.name())).toList();
        if (affected.isEmpty()) {
            return List.of();
        }
        java.util.function.UnaryOperator<String> q = database.target().schemas()::resolve;
        try (Connection connection = database.dataSource().getConnection();
             java.sql.Statement statement = connection.createStatement()) {
            boolean hadExtension;
            try (java.sql.ResultSet rows = statement.executeQuery("select count(*) from pg_extension where extname = 'pg_trgm'")) {
                rows.next();
                hadExtension = rows.getLong(1) > 0;
            }
            try {
                progress.println("bench: " + EXTENSION);
                statement.execute(EXTENSION);
                for (String index : INDEXES) {
                    progress.println("bench: " + index);
                    statement.execute(q.apply(index));
                }
                statement.execute(q.apply("analyze {litellm}.\"LiteLLM_OrganizationMembership\", {litellm}.\"LiteLLM_VerificationToken\", "
                        + "{litellm}.\"LiteLLM_SpendLogs\", {litellm}.\"LiteLLM_OrganizationTable\", {nemo}.organizations"));
                progress.println("bench: with those indexes:");
                return benchmark.run(affected, runs, progress);
            } finally {
                for (String index : INDEXES) {
                    // "... if not exists <name> on {family}.<table> ..." -> drop index if exists {family}.<name>
                    String name = index.replaceAll(".*exists (\"[^\"]+\"|\\w+) on (\\{\\w+\\})\\..*", "$2.$1");
                    statement.execute(q.apply("drop index if exists " + name));
                }
                if (!hadExtension) {
                    statement.execute("drop extension if exists pg_trgm");
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not time with the DBA indexes: " + e.getMessage(), e);
        }
    }
}
