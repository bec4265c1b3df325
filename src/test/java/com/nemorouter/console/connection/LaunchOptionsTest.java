package com.nemorouter.console.connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class LaunchOptionsTest {

    @Test
    void withoutUrlTheDemoDatabaseIsUsed() {
        LaunchOptions options = LaunchOptions.parse(List.of("check"), Map.of());
        assertThat(options.usesDemo()).isTrue();
        assertThat(options.remaining()).containsExactly("check");
    }

    @Test
    void urlFlagWinsOverTheEnvironment() {
        LaunchOptions options = LaunchOptions.parse(List.of("--url", "postgresql://a/b"),
                Map.of("DATABASE_URL", "postgresql://c/d"));
        assertThat(options.url()).isEqualTo("postgresql://a/b");
        assertThat(LaunchOptions.parse(List.of("--url=postgresql://e/f"), Map.of()).url()).isEqualTo("postgresql://e/f");
        assertThat(LaunchOptions.parse(List.of(), Map.of("DATABASE_URL", "postgresql://c/d")).url())
                .isEqualTo("postgresql://c/d");
    }

    @Test
    void resetDemoWithAUrlIsRefused() {
        assertThatThrownBy(() -> LaunchOptions.parse(List.of("--reset-demo", "--url", "postgresql://a/b"), Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("demo database only");
    }

    @Test
    void connectionStringMovesCredentialsOutOfTheUrl() {
        ConnectionTarget target = ConnectionTarget.parse("postgresql://admin:p%40ss%3Aword@db.example.com:6543/postgres?sslmode=require");
        assertThat(target.jdbcUrl()).startsWith("jdbc:postgresql://db.example.com:6543/postgres").doesNotContain("p%40ss");
        assertThat(target.user()).isEqualTo("admin");
        assertThat(new String(target.password())).isEqualTo("p@ss:word");
        assertThat(target.displayName()).isEqualTo("admin@db.example.com:6543/postgres").doesNotContain("p@ss");
        assertThat(target.toString()).doesNotContain("word");
    }
}
