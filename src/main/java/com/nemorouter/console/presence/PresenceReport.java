package com.nemorouter.console.presence;

import java.util.List;

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

    /** Rows found in {@code schema.table} (any column), or 0. */
    public long rowsIn(String schema, String table) {
        return entries.stream()
                .filter(entry -> entry.schema().equals(schema) && entry.table().equals(table))
                .mapToLong(entry -> Math.max(entry.rows(), 0))
                .sum();
    }
}
