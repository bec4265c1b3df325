package com.nemorouter.console.connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.nemorouter.console.testing.TestDatabases;

import org.junit.jupiter.api.Test;

class NamedStatementTest {

    @Test
    void namesBecomePositionsAndCastsAndQuotedTextStay() {
        List<String> names = new ArrayList<>();
        String jdbc = NamedStatement.positional(
                "select n.id::text, ':not' || \"a:b\" from t where x = :first and y like :second escape '\\' or z = :first_2",
                names);
        assertThat(jdbc).isEqualTo(
                "select n.id::text, ':not' || \"a:b\" from t where x = ? and y like ? escape '\\' or z = ?");
        assertThat(names).containsExactly("first", "second", "first_2");
    }

    @Test
    void bindsEveryOccurrenceOfANameAndRefusesUnknownOnes() throws SQLException {
        UUID id = UUID.fromString("550e8400-e29b-41d4-a716-446655440000");
        try (Connection connection = TestDatabases.dataSource("postgres").getConnection();
             NamedStatement statement = NamedStatement.prepare(connection,
                     "select :text || '-' || :text, cast(:id as uuid) = :id, :n::int + 1")) {
            statement.set("text", "ab").set("id", id).set("n", 41);
            try (ResultSet row = statement.executeQuery()) {
                assertThat(row.next()).isTrue();
                assertThat(row.getString(1)).isEqualTo("ab-ab");
                assertThat(row.getBoolean(2)).isTrue();
                assertThat(row.getInt(3)).isEqualTo(42);
            }
            assertThat(statement.has("text")).isTrue();
            assertThat(statement.has("other")).isFalse();
            assertThatThrownBy(() -> statement.set("other", 1))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(":other");
        }
    }
}
