package com.nemorouter.console.connection;

/**
 * SQL for {@code lower(x)} in substring searches, cheap for ASCII values. Under a libc UTF-8 locale (Supabase's
 * en_US.UTF-8, the demo's C.UTF-8) {@code lower()} widens every value to {@code wchar_t} and back, which was most
 * of a search scan's cost (42 of 48 ms over 100k organization names and slugs). An ASCII value takes the C
 * collation's byte loop instead; only values with other characters pay for the locale.
 *
 * <p>The result is {@code lower(x)}'s for every value in every locale but the Turkic ones, whose {@code lower('I')}
 * is a dotless ı: there the C path gives {@code i}, which is what the search text, lower-cased in Java with
 * {@code Locale.ROOT}, expects.
 */
public final class Lowered {

    private Lowered() {
    }

    /** {@code expression} lower-cased, as SQL; the expression is repeated, so pass a column, not a subquery. */
    public static String of(String expression) {
        return "(case when octet_length(" + expression + ") = char_length(" + expression + ") then lower("
                + expression + " collate \"C\") else lower(" + expression + ") end)";
    }
}
