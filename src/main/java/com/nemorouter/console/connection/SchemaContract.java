package com.nemorouter.console.connection;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What each feature of the console reads, checked against the catalog with plain JDBC before Hibernate
 * starts, so that a database LiteLLM has migrated (or a schema that is not NemoRouter's at all) yields a
 * report instead of a stack trace. Extra tables and columns are fine: LiteLLM adds them all the time.
 */
public final class SchemaContract {

    /** Which of {@link SchemaNames} a table lives in. */
    enum Family { NEMO, LITELLM, AUTH }

    /** Type families by {@code udt_name}: the console's SQL casts and JSON operators need exactly these. */
    enum Type {
        TEXT("text", "varchar", "bpchar"), UUID("uuid"), JSONB("jsonb"), TEXT_ARRAY("_text", "_varchar");

        private final Set<String> udtNames;
        private final String label;

        Type(String... udtNames) {
            this.udtNames = Set.of(udtNames);
            this.label = udtNames[0];
        }

        boolean accepts(String udtName) {
            return udtNames.contains(udtName);
        }

        String describe() {
            return label;
        }
    }

    record Column(String name, Type type) {
    }

    /**
     * @param essential   without it the feature is unavailable; otherwise it is degraded
     * @param consequence what the user loses when an optional table or column is missing
     */
    record Need(Family family, String table, boolean essential, String consequence, List<Column> columns) {
    }

    /** @param edit an edit feature: a table an edit writes is required for it, and its absence never stops browsing */
    record Feature(String name, List<Need> needs, boolean edit) {
        Feature(String name, List<Need> needs) {
            this(name, needs, false);
        }
    }

    private static Column text(String name) {
        return new Column(name, Type.TEXT);
    }

    private static Column uuid(String name) {
        return new Column(name, Type.UUID);
    }

    static final List<Feature> FEATURES = List.of(
            new Feature("organizations", List.of(
                    new Need(Family.NEMO, "organizations", true, "", List.of(
                            uuid("organization_id"), text("name"), text("slug"), text("plan"))),
                    new Need(Family.LITELLM, "LiteLLM_OrganizationTable", true, "", List.of(
                            text("organization_id"), text("organization_alias"))))),
            new Feature("teams", List.of(
                    new Need(Family.NEMO, "teams", true, "", List.of(
                            uuid("team_id"), uuid("organization_id"), text("name"))),
                    new Need(Family.LITELLM, "LiteLLM_TeamTable", true, "", List.of(
                            text("team_id"), text("organization_id"), text("team_alias"),
                            new Column("members_with_roles", Type.JSONB))),
                    new Need(Family.LITELLM, "LiteLLM_TeamMembership", false,
                            "rosters cannot show whether LiteLLM_TeamMembership agrees", List.of(
                            text("user_id"), text("team_id"))))),
            new Feature("members", List.of(
                    new Need(Family.LITELLM, "LiteLLM_OrganizationMembership", true, "", List.of(
                            text("user_id"), text("organization_id"), text("user_role"))),
                    new Need(Family.LITELLM, "LiteLLM_UserTable", true, "", List.of(
                            text("user_id"), text("user_email"), text("user_role"), new Column("teams", Type.TEXT_ARRAY))),
                    new Need(Family.AUTH, "users", true, "", List.of(uuid("id"), text("email"))),
                    new Need(Family.AUTH, "users", false, "member details cannot show the full name", List.of(
                            new Column("raw_user_meta_data", Type.JSONB))),
                    new Need(Family.LITELLM, "LiteLLM_VerificationToken", false,
                            "member lists cannot count API keys", List.of(
                            text("user_id"), text("team_id"), text("organization_id"))))),
            // Every table an edit writes (or reads under its lock) is required for that edit: an edit that
            // skipped a missing copy would leave LiteLLM's copies disagreeing.
            new Feature("organization edits", List.of(
                    new Need(Family.AUTH, "users", true, "", List.of(uuid("id"), text("email"))),
                    new Need(Family.LITELLM, "LiteLLM_OrganizationTable", true, "", List.of(text("organization_id"))),
                    new Need(Family.LITELLM, "LiteLLM_OrganizationMembership", true, "", List.of(
                            text("user_id"), text("organization_id"), text("user_role"))),
                    new Need(Family.LITELLM, "LiteLLM_UserTable", true, "", List.of(
                            text("user_id"), text("user_email"), new Column("teams", Type.TEXT_ARRAY)))), true),
            new Feature("team edits", List.of(
                    new Need(Family.AUTH, "users", true, "", List.of(uuid("id"), text("email"))),
                    new Need(Family.LITELLM, "LiteLLM_TeamTable", true, "", List.of(
                            text("team_id"), text("organization_id"), new Column("members_with_roles", Type.JSONB))),
                    new Need(Family.LITELLM, "LiteLLM_TeamMembership", true, "", List.of(
                            text("user_id"), text("team_id"))),
                    new Need(Family.LITELLM, "LiteLLM_OrganizationMembership", true, "", List.of(
                            text("user_id"), text("organization_id"))),
                    new Need(Family.LITELLM, "LiteLLM_UserTable", true, "", List.of(
                            text("user_id"), text("user_email"), new Column("teams", Type.TEXT_ARRAY))),
                    new Need(Family.LITELLM, "LiteLLM_VerificationToken", true, "", List.of(
                            text("token"), text("user_id"), text("team_id"))),
                    new Need(Family.LITELLM, "LiteLLM_DeletedVerificationToken", true, "", List.of(
                            text("id"), text("token")))), true));

    private SchemaContract() {
    }

    /**
     * Reads the catalog in one statement on {@code connection}: the contract's tables and the LiteLLM
     * tables whose columns vary between versions ({@link LiteLlmColumns}), so the column lists are read
     * once per connection.
     */
    public static SchemaReport check(Connection connection, SchemaNames schemas) throws SQLException {
        Map<String, Map<String, String>> catalog = new HashMap<>();
        Map<String, List<String>> liteLlmColumns = new HashMap<>();
        Set<String> tables = new LinkedHashSet<>();
        FEATURES.forEach(feature -> feature.needs().forEach(need -> tables.add(need.table())));
        tables.addAll(LiteLlmColumns.TABLES);
        try (PreparedStatement statement = connection.prepareStatement("""
                select table_schema, table_name, column_name, udt_name
                from information_schema.columns
                where table_schema = any(?) and table_name = any(?)
                order by table_schema, table_name, ordinal_position
                """)) {
            Array schemaArray = connection.createArrayOf("text",
                    new String[] {schemas.nemo(), schemas.litellm(), schemas.auth()});
            Array tableArray = connection.createArrayOf("text", tables.toArray(String[]::new));
            statement.setArray(1, schemaArray);
            statement.setArray(2, tableArray);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    catalog.computeIfAbsent(rows.getString(1) + "." + rows.getString(2), key -> new HashMap<>())
                            .put(rows.getString(3), rows.getString(4));
                    if (rows.getString(1).equals(schemas.litellm())) {
                        liteLlmColumns.computeIfAbsent(rows.getString(2), key -> new ArrayList<>()).add(rows.getString(3));
                    }
                }
            }
        }
        return compare(catalog, schemas, new LiteLlmColumns(liteLlmColumns), RowSecurity.read(connection, schemas));
    }

    private static SchemaReport compare(Map<String, Map<String, String>> catalog, SchemaNames schemas,
                                        LiteLlmColumns liteLlmColumns, RowSecurity rowSecurity) {
        List<SchemaReport.FeatureStatus> statuses = new ArrayList<>();
        Set<String> missingTables = new LinkedHashSet<>();
        for (Feature feature : FEATURES) {
            List<String> blocking = new ArrayList<>();
            List<String> degrading = new ArrayList<>();
            for (Need need : feature.needs()) {
                String schema = switch (need.family()) {
                    case NEMO -> schemas.nemo();
                    case LITELLM -> schemas.litellm();
                    case AUTH -> schemas.auth();
                };
                String qualified = schema + "." + quoted(need.table());
                Map<String, String> columns = catalog.get(schema + "." + need.table());
                List<String> problems = new ArrayList<>();
                if (columns == null) {
                    problems.add("table " + qualified + " is missing (or not readable by this role)");
                    if (need.essential() && !feature.edit()) {
                        missingTables.add(qualified);
                    }
                } else if (rowSecurity.hides(need.family().name().equals("LITELLM") ? "public"
                        : need.family().name().toLowerCase(Locale.ROOT), need.table())) {
                    // Zero visible rows would read as "nobody exists": the feature is unavailable, not wrong.
                    problems.add("rows of table " + qualified + " are hidden from role " + rowSecurity.role()
                            + " by row-level security");
                } else {
                    for (Column column : need.columns()) {
                        String actual = columns.get(column.name());
                        if (actual == null) {
                            problems.add("column " + qualified + "." + column.name() + " is missing");
                        } else if (!column.type().accepts(actual)) {
                            problems.add("column " + qualified + "." + column.name() + " is " + actual
                                    + ", expected " + column.type().describe());
                        }
                    }
                }
                if (problems.isEmpty()) {
                    continue;
                }
                if (need.essential()) {
                    blocking.addAll(problems);
                } else {
                    problems.forEach(problem -> degrading.add(problem + ": " + need.consequence()));
                }
            }
            SchemaReport.Availability availability = !blocking.isEmpty() ? SchemaReport.Availability.UNAVAILABLE
                    : !degrading.isEmpty() ? SchemaReport.Availability.DEGRADED : SchemaReport.Availability.AVAILABLE;
            List<String> problems = new ArrayList<>(blocking);
            problems.addAll(degrading);
            statuses.add(new SchemaReport.FeatureStatus(feature.name(), availability, problems));
        }
        return new SchemaReport(schemas, statuses, List.copyOf(missingTables),
                LiteLlmGeneration.recognise(liteLlmColumns), liteLlmColumns, rowSecurity);
    }

    private static String quoted(String table) {
        return table.equals(table.toLowerCase(Locale.ROOT)) ? table : "\"" + table + "\"";
    }
}
