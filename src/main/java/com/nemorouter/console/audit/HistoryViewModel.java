package com.nemorouter.console.audit;

import com.nemorouter.console.connection.FailureMessages;
import com.nemorouter.console.ui.TaskRunner;

import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** A History tab: the audit records about one organization, team or member, newest first. */
public final class HistoryViewModel {

    private final HistoryService service;
    private final TaskRunner tasks;
    private final ObservableList<AuditRecord> records = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private String objectId;
    private int request;

    public HistoryViewModel(HistoryService service, TaskRunner tasks) {
        this.service = service;
        this.tasks = tasks;
    }

    /** Shows the history of {@code id}; null clears it. */
    public void show(String id) {
        objectId = id;
        reload();
    }

    public void reload() {
        int current = ++request;
        if (objectId == null) {
            records.clear();
            summary.set("");
            return;
        }
        String id = objectId;
        tasks.run("Loading history of " + id, () -> service.history(id), found -> {
            if (current == request) {
                records.setAll(found);
                summary.set(found.isEmpty() ? "No recorded changes of " + id + "."
                        : found.size() + (found.size() == HistoryService.LIMIT ? "+" : "")
                        + " recorded changes of " + id + ", newest first");
            }
        }, failure -> {
            if (current == request) {
                summary.set(FailureMessages.describe("Loading the history", failure));
            }
        });
    }

    public ObservableList<AuditRecord> records() {
        return records;
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }
}
