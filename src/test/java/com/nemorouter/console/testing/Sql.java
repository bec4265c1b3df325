package com.nemorouter.console.testing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import com.nemorouter.console.connection.SchemaNames;

/** Plain-JDBC reads for tests that assert rows, outside the console's own code paths. */
public final class Sql {

    private final DataSource dataSource;
    private final SchemaNames schemas;

    public Sql(DataSource dataSource) {
        this(dataSource, SchemaNames.DEFAULT);
    }

    /**
     * Test SQL written against the default schema names, run where {@code schemas} put the tables: qualified
     * names are rewritten as the console rewrites its own, and unqualified LiteLLM names resolve through
     * this connection's search_path (never the database's, which the console's connections would inherit).
     */
    public Sql(DataSource dataSource, SchemaNames schemas) {
        this.dataSource = dataSource;
        this.schemas = schemas;
    }

    private Connection connect() throws SQLException {
        Connection connection = dataSource.getConnection();
        if (!schemas.isDefault()) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("set search_path = " + schemas.litellm() + ", public");
            }
        }
        return connection;
    }

    /** Every row as strings (SQL NULL as null), parameters bound as text or objects in order. */
    public List<List<String>> rows(String sql, Object... parameters) {
        try (Connection connection = connect();
             PreparedStatement statement = connection.prepareStatement(schemas.resolve(sql))) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            List<List<String>> rows = new ArrayList<>();
            try (ResultSet result = statement.executeQuery()) {
                int columns = result.getMetaData().getColumnCount();
                while (result.next()) {
                    List<String> row = new ArrayList<>(columns);
                    for (int c = 1; c <= columns; c++) {
                        row.add(result.getString(c));
                    }
                    rows.add(row);
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    /** The single value of a one-row, one-column query. */
    public String value(String sql, Object... parameters) {
        List<List<String>> rows = rows(sql, parameters);
        if (rows.size() != 1) {
            throw new IllegalStateException("expected one row, got " + rows.size() + ": " + sql);
        }
        return rows.get(0).get(0);
    }

    /** The first column of every row. */
    public List<String> column(String sql, Object... parameters) {
        return rows(sql, parameters).stream().map(row -> row.get(0)).toList();
    }

    public void execute(String sql) {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute(schemas.resolve(sql));
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    /**
     * A fingerprint of every table an edit may touch: equal before and after means nothing changed.
     */
    public String fingerprint() {
        StringBuilder all = new StringBuilder();
        for (String table : List.of("LiteLLM_UserTable", "LiteLLM_OrganizationMembership", "LiteLLM_TeamTable",
                "LiteLLM_TeamMembership", "LiteLLM_VerificationToken", "LiteLLM_DeletedVerificationToken",
                "LiteLLM_AuditLog")) {
            all.append(table).append('=').append(value("select count(*) || ':' || coalesce(md5(string_agg(t::text, '|' "
                    + "order by t::text)), '') from {litellm}.\"" + table + "\" t")).append('\n');
        }
        return all.toString();
    }
}
