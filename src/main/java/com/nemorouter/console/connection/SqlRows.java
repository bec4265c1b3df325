package com.nemorouter.console.connection;

import org.hibernate.Session;
import org.hibernate.query.NativeQuery;

import jakarta.persistence.EntityManager;

/**
 * Set-based SQL (lists, counts, presence, catalog reads) whose rows Hibernate maps to a record, so a service
 * reads named, typed fields instead of casting positions of an {@code Object[]}.
 *
 * <p>How Hibernate 7.4 maps a native row to {@code R} ({@code SqlRowsTest} pins it down): by position, into
 * the one constructor of {@code R} whose parameter count equals the column count (a second constructor of
 * that count is refused). Each value arrives as pgjdbc returns it and must fit its parameter, unboxing and
 * widening included: {@code bigint}/{@code count(*)} to {@code long}, {@code integer} to {@code int} or
 * {@code long}, {@code double precision} to {@code double}, {@code numeric} to {@code BigDecimal} only (cast
 * it to {@code double precision} in SQL for a {@code double}), {@code boolean} to {@code boolean},
 * {@code text}, {@code varchar}, {@code name} and {@code jsonb} to {@code String}, {@code text[]} and
 * {@code varchar[]} to {@code String[]}, {@code uuid} to {@code UUID}, {@code timestamp} to
 * {@code LocalDateTime}. A column that can be null needs a boxed parameter. A mismatch fails with Hibernate's
 * {@code InstantiationException} naming the expected and the found types. A one-column result maps to its
 * basic type ({@code String.class}).
 *
 * <p>The placeholders ({@code {litellm}}, ...) are resolved by the connection as for any other SQL.
 */
public final class SqlRows {

    private SqlRows() {
    }

    /** A native query in {@code em}'s transaction whose rows are {@code row}s. No database work until it runs. */
    public static <R> NativeQuery<R> select(EntityManager em, String sql, Class<R> row) {
        return em.unwrap(Session.class).createNativeQuery(sql, row);
    }
}
