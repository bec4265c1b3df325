package com.nemorouter.console.audit;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.function.Supplier;

import com.nemorouter.console.connection.FailureMessages;
import com.nemorouter.console.ui.Latest;
import com.nemorouter.console.ui.TaskRunner;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * A History tab: the audit records about one organization, team or member, newest first, and the
 * selected record in words (when, who, what, the changed keys before and after).
 */
public final class HistoryViewModel {

    private final HistoryService service;
    private final Supplier<LocalDateTime> clock;
    private final ObservableList<AuditRecord> records = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final ObjectProperty<AuditRecord> selected = new SimpleObjectProperty<>();
    private final ReadOnlyStringWrapper detail = new ReadOnlyStringWrapper("");
    private String objectId;
    /** The history being loaded: showing another object (or none) supersedes it. */
    private final Latest loading;

    public HistoryViewModel(HistoryService service, TaskRunner tasks) {
        this(service, tasks, () -> LocalDateTime.now(ZoneOffset.UTC));
    }

    /** @param clock now in UTC (audit times are UTC); tests pass a fixed one */
    public HistoryViewModel(HistoryService service, TaskRunner tasks, Supplier<LocalDateTime> clock) {
        this.service = service;
        this.loading = new Latest(tasks);
        this.clock = clock;
        selected.addListener((observable, old, record) -> detail.set(record == null ? "" : describe(record)));
    }

    /** Shows the history of {@code id}; null clears it. */
    public void show(String id) {
        objectId = id;
        reload();
    }

    public void reload() {
        if (objectId == null) {
            loading.discard();
            records.clear();
            summary.set("");
            return;
        }
        String id = objectId;
        loading.run("Loading history of " + id, () -> service.history(id), found -> {
            records.setAll(found);
            summary.set(found.isEmpty() ? "No recorded changes."
                    : found.size() + (found.size() == HistoryService.LIMIT ? "+" : "")
                    + (found.size() == 1 ? " recorded change" : " recorded changes") + ", newest first."
                    + " Select one to see what changed; double-click opens it.");
        }, failure -> summary.set(FailureMessages.describe("Loading the history", failure)));
    }

    /** "3 h ago · 2026-12-02 17:40:12 UTC". */
    public String when(AuditRecord record) {
        return HistoryText.when(record.updatedAt(), clock.get());
    }

    /** The record in words, with the diff of the keys that changed. */
    public String describe(AuditRecord record) {
        StringBuilder text = new StringBuilder()
                .append(HistoryText.what(record)).append('\n')
                .append("When:   ").append(when(record)).append('\n')
                .append("Who:    ").append(HistoryText.who(record)).append('\n')
                .append("Object: ").append(record.objectId()).append("  (").append(record.tableName()).append(")\n")
                .append('\n');
        var lines = HistoryText.diff(record.beforeValue(), record.updatedValues());
        text.append(lines.isEmpty() ? "No values recorded." : "Changed (- before, + after, ~ before → after):\n"
                + String.join("\n", lines));
        return text.toString();
    }

    public ObservableList<AuditRecord> records() {
        return records;
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** The record the detail pane describes; the view binds the table's selection to it. */
    public ObjectProperty<AuditRecord> selectedProperty() {
        return selected;
    }

    public ReadOnlyStringProperty detailProperty() {
        return detail.getReadOnlyProperty();
    }
}
