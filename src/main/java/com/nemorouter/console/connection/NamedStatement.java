package com.nemorouter.console.connection;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * A JDBC statement written with {@code :name} parameters, as the services' EntityManager SQL is, so a read that
 * skips Hibernate keeps the same SQL text. A name may occur several times; {@code ::} casts and quoted text are
 * left alone.
 */
public final class NamedStatement implements AutoCloseable {

    private final PreparedStatement statement;
    /** The parameter name of each {@code ?}, in order. */
    private final List<String> positions;

    private NamedStatement(PreparedStatement statement, List<String> positions) {
        this.statement = statement;
        this.positions = positions;
    }

    /** Prepares {@code sql} (placeholders already resolved) on {@code connection}. */
    public static NamedStatement prepare(Connection connection, String sql) throws SQLException {
        List<String> positions = new ArrayList<>();
        String jdbc = positional(sql, positions);
        return new NamedStatement(connection.prepareStatement(jdbc), List.copyOf(positions));
    }

    /** {@code sql} with each {@code :name} replaced by {@code ?}; the names are added to {@code positions}. */
    static String positional(String sql, List<String> positions) {
        StringBuilder jdbc = new StringBuilder(sql.length());
        int i = 0;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (c == '\'' || c == '"') {
                int end = sql.indexOf(c, i + 1);
                end = end < 0 ? sql.length() : end + 1;
                jdbc.append(sql, i, end);
                i = end;
            } else if (c == ':' && i + 1 < sql.length() && sql.charAt(i + 1) == ':') {
                jdbc.append("::");
                i += 2;
            } else if (c == ':' && i + 1 < sql.length() && Character.isLetter(sql.charAt(i + 1))) {
                int end = i + 1;
                while (end < sql.length() && (Character.isLetterOrDigit(sql.charAt(end)) || sql.charAt(end) == '_')) {
                    end++;
                }
                positions.add(sql.substring(i + 1, end));
                jdbc.append('?');
                i = end;
            } else {
                jdbc.append(c);
                i++;
            }
        }
        return jdbc.toString();
    }

    /**
     * Binds every occurrence of {@code :name}.
     *
     * @throws IllegalArgumentException when the SQL has no such parameter
     */
    public NamedStatement set(String name, Object value) throws SQLException {
        boolean found = false;
        for (int i = 0; i < positions.size(); i++) {
            if (positions.get(i).equals(name)) {
                statement.setObject(i + 1, value);
                found = true;
            }
        }
        if (!found) {
            throw new IllegalArgumentException("The statement has no parameter :" + name);
        }
        return this;
    }

    /** True when the SQL names {@code :name}. */
    public boolean has(String name) {
        return positions.contains(name);
    }

    public ResultSet executeQuery() throws SQLException {
        return statement.executeQuery();
    }

    @Override
    public void close() throws SQLException {
        statement.close();
    }
}
