package com.nemorouter.console.spend;

import java.util.function.BiFunction;

import com.nemorouter.console.connection.FailureMessages;
import com.nemorouter.console.ui.Latest;
import com.nemorouter.console.ui.TaskRunner;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Spend at a glance for one organization, team or member: spend against max_budget of everything under it.
 * The same screen serves the three views; the loader says which.
 */
public final class SpendViewModel {

    private final BiFunction<String, Boolean, SpendReport> loader;
    private final ObservableList<SpendRow> rows = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper canScan = new ReadOnlyBooleanWrapper(false);
    private final BooleanProperty shown = new SimpleBooleanProperty(true);
    private String organizationId;
    private String loaded;
    /** The spend being read: another organization (or none) supersedes it. */
    private final Latest reading;

    /** The organization view's spend. */
    public SpendViewModel(SpendService service, TaskRunner tasks) {
        this(service::organization, tasks);
    }

    /** @param loader reads the report of an id, the boolean asking for the SpendLogs cross-check on a large table */
    public SpendViewModel(BiFunction<String, Boolean, SpendReport> loader, TaskRunner tasks) {
        this.loader = loader;
        this.reading = new Latest(tasks);
        shown.addListener((observable, old, now) -> {
            if (now && !java.util.Objects.equals(loaded, organizationId)) {
                load(false);
            }
        });
    }

    /** Shows {@code organizationId}'s spend (null clears the tab); read now if shown, else when it is shown. */
    public void open(String organizationId) {
        this.organizationId = organizationId;
        if (shown.get()) {
            load(false);
        }
    }

    /** Whether the tab is visible; bound by the composition root so a hidden tab costs no reads. */
    public BooleanProperty shownProperty() {
        return shown;
    }

    /** Runs the 24-hour SpendLogs cross-check that was skipped on a large table. */
    public void scanSpendLogs() {
        load(true);
    }

    private void load(boolean scan) {
        loaded = organizationId;
        rows.clear();
        canScan.set(false);
        if (organizationId == null) {
            reading.discard();
            summary.set("");
            return;
        }
        String organization = organizationId;
        summary.set("Reading spend…");
        reading.run("Reading spend and budgets", () -> loader.apply(organization, scan), report -> {
            rows.setAll(report.rows());
            long over = report.rows().stream().filter(SpendRow::atOrOverBudget).count();
            canScan.set(report.spendLogsSkipped() != null);
            summary.set(report.rows().size() + " budgets; " + (over == 0 ? "none reached" : over + " at or over max_budget")
                    + (report.spendLogsSkipped() == null ? "; last 24 h from LiteLLM_SpendLogs"
                    : "; LiteLLM_SpendLogs not read (" + report.spendLogsSkipped() + ")"));
        }, failure -> summary.set(FailureMessages.describe("Reading spend", failure)));
    }

    public ObservableList<SpendRow> rows() {
        return rows;
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canScanProperty() {
        return canScan.getReadOnlyProperty();
    }
}
