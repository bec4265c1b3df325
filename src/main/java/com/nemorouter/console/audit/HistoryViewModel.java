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

    /** At most this many characters of a change in a table cell: a whole row would be unreadable there. */
    static final int CHANGE_LENGTH = 300;

    /**
     * What a history row shows of the change: the changed keys for an update and the new row for a create
     * (LiteLLM's updated_values), {@code (deleted)} for a delete; older console rows without an object shape
     * show before → after. Cut at {@link #CHANGE_LENGTH} characters.
     */
    public static String change(AuditRecord record) {
        String text;
        if (record.action().equals("deleted")) {
            text = "(deleted)";
        } else if (record.updatedValues() != null && record.updatedValues().startsWith("{")) {
            text = record.updatedValues();
        } else {
            text = (record.beforeValue() == null ? "" : record.beforeValue() + "  →  ")
                    + (record.updatedValues() == null ? "" : record.updatedValues());
        }
        return text.length() <= CHANGE_LENGTH ? text : text.substring(0, CHANGE_LENGTH - 1) + "…";
    }

    public ObservableList<AuditRecord> records() {
        return records;
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }
}
