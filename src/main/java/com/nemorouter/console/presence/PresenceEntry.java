package com.nemorouter.console.presence;

/**
 * One table column that can refer to an id, and what was found there.
 *
 * @param rows          matching rows; -1 when the table was not searched, {@link #HIDDEN} when row-level
 *                      security hides its rows from the role, {@link #PENDING} while a later call still counts
 *                      it, {@link #NOT_COUNTED} when that call failed or was cancelled
 * @param estimatedRows the planner's estimate of the table's size, for the "not searched" note
 * @param expected      the table must hold a row for the id (the core rows on both sides)
 */
public record PresenceEntry(String schema, String table, String column, Side side, String role,
                            long rows, long estimatedRows, boolean expected) {

    public enum Status { FOUND, NONE, MISSING, NOT_SEARCHED, HIDDEN, PENDING, NOT_COUNTED }

    /** The row count of a table whose rows row-level security hides: unknown, never 0. */
    public static final long HIDDEN = -2;
    /**
     * The row count of a large unindexed column that the screen's first read leaves to a second one
     * ({@code PresenceQuery.findRest}): not known yet, never 0.
     */
    public static final long PENDING = -3;
    /** A {@link #PENDING} count whose read failed or was cancelled: unknown, never 0. */
    public static final long NOT_COUNTED = -4;

    public Status status() {
        if (rows == HIDDEN) {
            return Status.HIDDEN;
        }
        if (rows == PENDING) {
            return Status.PENDING;
        }
        if (rows == NOT_COUNTED) {
            return Status.NOT_COUNTED;
        }
        if (rows < 0) {
            return Status.NOT_SEARCHED;
        }
        if (rows > 0) {
            return Status.FOUND;
        }
        return expected ? Status.MISSING : Status.NONE;
    }

    public String qualifiedTable() {
        return schema + "." + table;
    }

    /** What the presence view prints next to the table, readable without colour. */
    public String describeCount() {
        return switch (status()) {
            case FOUND -> "✔ " + rows + (rows == 1 ? " row" : " rows");
            case NONE -> "0 rows";
            case MISSING -> "✘ MISSING (expected 1 row)";
            case NOT_SEARCHED -> "not searched (no index, ~" + estimatedRows + " rows)";
            case HIDDEN -> "hidden by row-level security";
            case PENDING -> "counting…";
            case NOT_COUNTED -> "✘ not counted";
        };
    }

    /** The same place with another count (a pending count filled in, or given up). */
    public PresenceEntry withRows(long counted) {
        return new PresenceEntry(schema, table, column, side, role, counted, estimatedRows, expected);
    }

    /** {@code schema.table.column}: what identifies the entry within a report. */
    public String key() {
        return schema + "." + table + "." + column;
    }
}
