package com.nemorouter.console.connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;

import com.nemorouter.console.testing.TestDatabases;

import org.hibernate.InstantiationException;
import org.junit.jupiter.api.Test;

/**
 * What the services' row records rely on: Hibernate 7.4 maps a native row by position into the record's one
 * constructor of that arity, with the types pgjdbc returns (see {@link SqlRows}).
 */
class SqlRowsTest {

    private record Typed(String text, long count, int small, double real, BigDecimal exact, boolean flag,
                         String[] array, String[] varchars, UUID id, LocalDateTime at, String json, String name) {
    }

    private record Nullable(Long count, Double real, String text, String[] array, LocalDateTime at) {
    }

    private record Pair(long count, String text) {
    }

    private record Ambiguous(long count, String text) {
        Ambiguous(String text, long count) {
            this(count, text);
        }
    }

    @Test
    void mapsEachColumnTypeByPositionIntoTheRecord() {
        Typed row = TestDatabases.seeded().read(em -> SqlRows.select(em, """
                select 'x', count(*), 7, cast(1.5 as double precision), cast(2.25 as numeric), true,
                       array['a', 'b'], cast(array['c'] as varchar[]), cast('6f9a2c1e-0000-4000-8000-000000000001' as uuid),
                       cast('2026-12-02 23:40:00.5' as timestamp), cast('{"a": 1}' as jsonb), cast('pg_class' as name)
                from (select 1) one""", Typed.class).getSingleResult());
        assertThat(row.text()).isEqualTo("x");
        assertThat(row.count()).isEqualTo(1);
        assertThat(row.small()).isEqualTo(7);
        assertThat(row.real()).isEqualTo(1.5);
        assertThat(row.exact()).isEqualByComparingTo("2.25");
        assertThat(row.flag()).isTrue();
        assertThat(row.array()).containsExactly("a", "b");
        assertThat(row.varchars()).containsExactly("c");
        assertThat(row.id()).isEqualTo(UUID.fromString("6f9a2c1e-0000-4000-8000-000000000001"));
        assertThat(row.at()).isEqualTo(LocalDateTime.of(2026, 12, 2, 23, 40, 0, 500_000_000));
        assertThat(row.json()).isEqualTo("{\"a\": 1}");
        assertThat(row.name()).isEqualTo("pg_class");
    }

    @Test
    void nullsNeedBoxedComponentsAndAListMapsEveryRow() {
        Nullable empty = TestDatabases.seeded().read(em -> SqlRows.select(em, """
                select cast(null as bigint), cast(null as double precision), cast(null as text), cast(null as text[]),
                       cast(null as timestamp)""", Nullable.class).getSingleResult());
        assertThat(empty).isEqualTo(new Nullable(null, null, null, null, null));
        List<Pair> pairs = TestDatabases.seeded().read(em -> SqlRows.select(em,
                "select cast(n as bigint), 'n' || n from generate_series(1, 3) n order by n", Pair.class).getResultList());
        assertThat(pairs).containsExactly(new Pair(1, "n1"), new Pair(2, "n2"), new Pair(3, "n3"));
        List<String> single = TestDatabases.seeded().read(em -> SqlRows.select(em, "select 'only'", String.class)
                .getResultList());
        assertThat(single).containsExactly("only");
    }

    @Test
    void aMismatchFailsNamingTheTypesInsteadOfConvertingSilently() {
        assertThatThrownBy(() -> TestDatabases.seeded().read(em -> SqlRows.select(em,
                "select cast(null as bigint), 'x'", Pair.class).getSingleResult()))
                .isInstanceOf(InstantiationException.class).hasMessageContaining("Pair(long, String)");
        assertThatThrownBy(() -> TestDatabases.seeded().read(em -> SqlRows.select(em,
                "select cast(1 as numeric), 'x'", Pair.class).getSingleResult()))
                .isInstanceOf(InstantiationException.class).hasMessageContaining("BigDecimal");
        assertThatThrownBy(() -> TestDatabases.seeded().read(em -> SqlRows.select(em,
                "select cast(1 as bigint), 'x'", Ambiguous.class).getSingleResult()))
                .isInstanceOf(InstantiationException.class).hasMessageContaining("exactly one constructor");
    }
}
