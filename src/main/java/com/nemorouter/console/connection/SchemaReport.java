package com.nemorouter.console.connection;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The schema contract's verdict, per feature.
 *
 * @param missingTables  tables browsing cannot work without; when any is missing, {@code check} prints no census
 * @param generation     the LiteLLM schema generation the optional columns show
 * @param liteLlmColumns the columns of LiteLLM's version-dependent tables, read once per connection
 * @param rowSecurity    the tables row-level security hides from the connected role
 */
public record SchemaReport(SchemaNames schemas, List<FeatureStatus> features, List<String> missingTables,
                           LiteLlmGeneration generation, LiteLlmColumns liteLlmColumns, RowSecurity rowSecurity) {

    public enum Availability { AVAILABLE, DEGRADED, UNAVAILABLE }

    /** @param problems what is missing or mistyped, and for a degraded feature what that costs */
    public record FeatureStatus(String feature, Availability availability, List<String> problems) {
        public FeatureStatus {
            problems = List.copyOf(problems);
        }
    }

    public SchemaReport {
        features = List.copyOf(features);
        missingTables = List.copyOf(missingTables);
    }

    /** True when the schema makes some feature (browsing or editing) unavailable: {@code check} exits 1. */
    public boolean anyUnavailable() {
        return features.stream().anyMatch(status -> status.availability() == Availability.UNAVAILABLE);
    }

    public boolean allAvailable() {
        return features.stream().allMatch(status -> status.availability() == Availability.AVAILABLE);
    }

    public Availability availability(String feature) {
        return features.stream().filter(status -> status.feature().equals(feature)).findFirst()
                .map(FeatureStatus::availability).orElseThrow();
    }

    /** One line per feature, then one indented line per problem: what {@code check} prints. */
    public List<String> lines() {
        List<String> lines = new ArrayList<>();
        lines.add("schema: " + schemas);
        lines.add(generation.line());
        generation.absent().forEach(column -> lines.add("  - optional column " + schemas.litellm() + ".\""
                + column.table() + "\"." + column.column() + " is absent: costs " + column.cost()));
        lines.addAll(rowSecurity.lines());
        for (FeatureStatus status : features) {
            lines.add("feature " + status.feature() + ": " + status.availability().name().toLowerCase(Locale.ROOT));
            status.problems().forEach(problem -> lines.add("  - " + problem));
        }
        return lines;
    }

    /** A one-sentence summary for the window's banner, or empty when everything is available. */
    public String summary() {
        List<String> parts = new ArrayList<>();
        for (FeatureStatus status : features) {
            if (status.availability() != Availability.AVAILABLE) {
                parts.add(status.feature() + " " + status.availability().name().toLowerCase(Locale.ROOT)
                        + " (" + String.join("; ", status.problems()) + ")");
            }
        }
        return parts.isEmpty() ? "" : "Schema mismatch: " + String.join(". ", parts) + ".";
    }
}
