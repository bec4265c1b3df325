package com.nemorouter.console.presence;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/** Every table that refers to one id, with counts: the one-UUID rule made visible. */
public record PresenceReport(IdKind kind, String id, List<PresenceEntry> entries) {

    public PresenceReport {
        entries = List.copyOf(entries);
    }

    public List<PresenceEntry> entries(Side side) {
        return entries.stream().filter(entry -> entry.side() == side).toList();
    }

    public boolean hasMissingExpected() {
        return entries.stream().anyMatch(entry -> entry.status() == PresenceEntry.Status.MISSING);
    }

    /** The entries still being counted ({@link PresenceEntry.Status#PENDING}). */
    public List<PresenceEntry> pending() {
        return entries.stream().filter(entry -> entry.status() == PresenceEntry.Status.PENDING).toList();
    }

    /** How many tables still have a count pending (a table may have several pending columns). */
    public long pendingTables() {
        return pending().stream().map(PresenceEntry::qualifiedTable).distinct().count();
    }

    /** What the presence view says while counts are pending ("" once none is): how many tables are still counted. */
    public String countingNote() {
        long pending = pendingTables();
        return pending == 0 ? "" : "Counting rows in " + pending + (pending == 1 ? " large table" : " large tables")
                + " without an index on the id…";
    }

    /** True when no count is pending any more. */
    public boolean isComplete() {
        return entries.stream().noneMatch(entry -> entry.status() == PresenceEntry.Status.PENDING);
    }

    /** True when some column holds the id (at least one row found so far). */
    public boolean foundAnywhere() {
        return entries.stream().anyMatch(entry -> entry.rows() > 0);
    }

    /**
     * This report with the counts of {@code counted} (the second read's entries, {@code PresenceQuery.findRest})
     * in place of its entries for the same columns; order and every other entry stay.
     */
    public PresenceReport withCounts(PresenceReport counted) {
        Map<String, Long> rows = new HashMap<>();
        counted.entries().forEach(entry -> rows.put(entry.key(), entry.rows()));
        return new PresenceReport(kind, id, entries.stream()
                .map(entry -> rows.containsKey(entry.key()) ? entry.withRows(rows.get(entry.key())) : entry)
                .toList());
    }

    /** This report with every pending count given up ({@link PresenceEntry#NOT_COUNTED}): its read failed. */
    public PresenceReport notCounted() {
        return new PresenceReport(kind, id, entries.stream()
                .map(entry -> entry.status() == PresenceEntry.Status.PENDING ? entry.withRows(PresenceEntry.NOT_COUNTED) : entry)
                .toList());
    }

    /**
     * The number of rows whose {@code schema.table.column} holds the id, when it is known: empty while it is
     * pending, not searched, hidden, or not a column of this report.
     */
    public OptionalLong rowsOf(String schema, String table, String column) {
        String key = schema + "." + table + "." + column;
        return entries.stream().filter(entry -> entry.key().equals(key) && entry.rows() >= 0)
                .mapToLong(PresenceEntry::rows).findFirst();
    }

    /** Rows found in {@code schema.table} (any column), or 0. */
    public long rowsIn(String schema, String table) {
        return entries.stream()
                .filter(entry -> entry.schema().equals(schema) && entry.table().equals(table))
                .mapToLong(entry -> Math.max(entry.rows(), 0))
                .sum();
    }
}
