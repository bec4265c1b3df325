package com.nemorouter.console.bench;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import javax.sql.DataSource;

import com.nemorouter.console.connection.SchemaNames;

/**
 * How the floors reach the database: plain JDBC on the console's pool, no Hibernate, with the schema
 * placeholders resolved as the console resolves them, and every value turned into the string the
 * comparison with the console's rows uses ({@link #cell}). A floor's transaction only reads and always
 * rolls back.
 */
final class FloorJdbc {

    private final DataSource dataSource;
    private final SchemaNames schemas;

    FloorJdbc(DataSource dataSource, SchemaNames schemas) {
        this.dataSource = dataSource;
        this.schemas = schemas;
    }

    /** For a floor that needs the connection itself (e.g. to build a JDBC array). */
    DataSource dataSource() {
        return dataSource;
    }

    /** Work on one connection inside {@link #inOneTransaction}. */
    interface Work {
        List<List<String>> run(Connection connection) throws SQLException;
    }

    List<List<String>> inOneTransaction(Work work) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                return work.run(connection);
            } finally {
                connection.rollback();
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("floor query failed: " + e.getMessage(), e);
        }
    }

    List<List<String>> rows(String sql, Object... parameters) {
        try (Connection connection = dataSource.getConnection()) {
            return rows(connection, sql, parameters);
        } catch (SQLException e) {
            throw new IllegalStateException("floor query failed: " + e.getMessage(), e);
        }
    }

    List<List<String>> rows(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(schemas.resolve(sql))) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            List<List<String>> result = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                int width = rows.getMetaData().getColumnCount();
                while (rows.next()) {
                    List<String> row = new ArrayList<>(width);
                    for (int i = 1; i <= width; i++) {
                        row.add(cell(rows.getObject(i)));
                    }
                    result.add(row);
                }
            }
            return result;
        }
    }

    /** One value as the comparison sees it: numbers without a fraction as integers, arrays as lists. */
    static String cell(Object value) throws SQLException {
        if (value == null) {
            return "null";
        }
        if (value instanceof Array array) {
            return Arrays.asList((Object[]) array.getArray()).toString();
        }
        if (value instanceof Object[] objects) {
            return Arrays.asList(objects).toString();
        }
        if (value instanceof Timestamp timestamp) {
            return timestamp.toLocalDateTime().toString();
        }
        if (value instanceof Number number && !(value instanceof Double || value instanceof Float
                || value instanceof java.math.BigDecimal)) {
            return Long.toString(number.longValue());
        }
        return String.valueOf(value);
    }
}
