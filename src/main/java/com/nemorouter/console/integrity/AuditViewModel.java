package com.nemorouter.console.integrity;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.function.Consumer;

import com.nemorouter.console.connection.FailureMessages;
import com.nemorouter.console.ui.Latest;
import com.nemorouter.console.ui.TaskRunner;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The audit: runs the checks one task (one transaction, one statement) at a time, so progress is real
 * and Cancel both stops the sequence and cancels the running statement on the server.
 */
public final class AuditViewModel {

    private final AuditService service;
    private final RepairService repairs;
    private final TaskRunner tasks;
    private final Consumer<LocatedEntity> opener;

    private final ObservableList<CheckRow> checks = FXCollections.observableArrayList();
    private final ObservableList<Finding> findings = FXCollections.observableArrayList();
    private final ObservableList<Finding> allFindings = FXCollections.observableArrayList();
    private final ObjectProperty<CheckRow> selectedCheck = new SimpleObjectProperty<>();
    private final ObjectProperty<Finding> selectedFinding = new SimpleObjectProperty<>();
    private final ReadOnlyObjectWrapper<RepairPlan> pendingRepair = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper repairing = new ReadOnlyBooleanWrapper(false);
    private final javafx.beans.property.ReadOnlyIntegerWrapper repairsApplied =
            new javafx.beans.property.ReadOnlyIntegerWrapper(0);
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("Not run yet.");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final List<CheckResult> results = new ArrayList<>();
    /** Why repairs are off (read-only mode); empty when they may run. The composition root binds it. */
    private final javafx.beans.property.StringProperty repairDisabledReason =
            new javafx.beans.property.SimpleStringProperty("");

    /** The running audit: one request per check, each a follow-up of the first; Cancel cancels them. */
    private final Latest audit;

    public AuditViewModel(AuditService service, RepairService repairs, TaskRunner tasks, Consumer<LocatedEntity> opener) {
        this.service = service;
        this.repairs = repairs;
        this.tasks = tasks;
        this.opener = opener;
        this.audit = new Latest(tasks);
        service.checks().forEach(check -> checks.add(CheckRow.waiting(check)));
        selectedCheck.addListener((observable, old, row) -> showFindings(row));
    }

    /** Runs (or re-runs) every check. */
    public void run() {
        if (running.get()) {
            return;
        }
        results.clear();
        findings.clear();
        allFindings.clear();
        List<AuditCheck> all = service.checks();
        checks.setAll(all.stream().map(CheckRow::waiting).toList());
        progress.set(0);
        error.set("");
        running.set(true);
        status.set("Running " + all.size() + " checks…");
        AuditCheck first = all.get(0);
        audit.run("Audit: " + first.id(), () -> service.run(first), result -> checked(0, all, result),
                failure -> stopped(0, all, failure));
    }

    private void runFrom(int index, List<AuditCheck> all) {
        if (index == all.size()) {
            running.set(false);
            status.set(summary());
            return;
        }
        // A follow-up of the audit's request: after Cancel it does not start, and fails as cancelled at once.
        AuditCheck check = all.get(index);
        audit.follow("Audit: " + check.id(), () -> service.run(check), result -> checked(index, all, result),
                failure -> stopped(index, all, failure));
    }

    private void checked(int index, List<AuditCheck> all, CheckResult result) {
        results.add(result);
        allFindings.addAll(result.findings());
        checks.set(index, CheckRow.of(result));
        progress.set((index + 1) / (double) all.size());
        if (selectedCheck.get() != null && selectedCheck.get().check() == result.check()) {
            showFindings(checks.get(index));
        }
        runFrom(index + 1, all);
    }

    private void stopped(int index, List<AuditCheck> all, Throwable failure) {
        if (failure instanceof CancellationException) {
            cancelled(index, all.size());
        } else {
            running.set(false);
            error.set(FailureMessages.describe("Audit check " + all.get(index).id(), failure));
            status.set("Stopped after " + index + " of " + all.size() + " checks.");
        }
    }

    private void cancelled(int done, int total) {
        running.set(false);
        status.set("Cancelled after " + done + " of " + total + " checks.");
    }

    /** Stops the audit: no further check starts, and the running statement is cancelled on the server. */
    public void cancel() {
        if (!running.get()) {
            return;
        }
        status.set("Cancelling…");
        audit.cancel();
    }

    private void showFindings(CheckRow row) {
        if (row == null) {
            findings.clear();
            return;
        }
        findings.setAll(results.stream().filter(result -> result.check() == row.check())
                .flatMap(result -> result.findings().stream()).toList());
    }

    /** Opens the finding's entity in the browser; a nemo column has nothing to open. */
    /** "✘ error", "⚠ warning", "ℹ info": a distinct glyph per severity besides its colour. */
    public static String severityText(Severity severity) {
        return switch (severity) {
            case ERROR -> "✘ error";
            case WARNING -> "⚠ warning";
            case INFO -> "ℹ info";
        };
    }

    /** A finding in full for the detail pane: what is wrong, about which id, in which tables. */
    public static String describe(Finding finding) {
        return severityText(finding.severity()) + " · " + finding.check().id() + "\n" + finding.detail() + "\n"
                + finding.entityType() + " " + finding.entityId() + " · tables: " + String.join(", ", finding.tables())
                + (finding.organizationId() == null ? "" : " · organization " + finding.organizationId());
    }

    public void open(Finding finding) {
        if (finding == null || finding.entityType().equals("column")) {
            return;
        }
        String type = finding.entityType().equals("key") ? "organization" : finding.entityType();
        String id = type.equals("organization") && finding.entityType().equals("key") ? finding.organizationId()
                : finding.entityId();
        if (id != null) {
            opener.accept(new LocatedEntity(type, id, null, finding.organizationId()));
        }
    }

    /** The ways the finding can be repaired (empty: no safe fix); two choices mean the user picks a side. */
    public List<RepairChoice> repairChoices(Finding finding) {
        return finding == null || running.get() ? List.of() : RepairService.choices(finding);
    }

    /**
     * Works out the repair and offers it as {@link #pendingRepairProperty()} for the user to confirm with
     * its exact SQL; nothing is written until {@link #confirmRepair()}.
     */
    public void planRepair(Finding finding, RepairChoice choice) {
        if (finding == null || repairing.get() || running.get()) {
            return;
        }
        error.set("");
        repairing.set(true);
        tasks.run("Preparing a repair", () -> repairs.plan(finding, choice), plan -> {
            repairing.set(false);
            pendingRepair.set(plan);
        }, failure -> {
            repairing.set(false);
            error.set(FailureMessages.describe("Preparing the repair", failure));
        });
    }

    public void discardRepair() {
        pendingRepair.set(null);
    }

    /** Runs the pending repair in one transaction, then shows its check as re-run inside that transaction. */
    public void confirmRepair() {
        RepairPlan plan = pendingRepair.get();
        if (plan == null) {
            return;
        }
        if (!repairDisabledReason.get().isEmpty()) {
            pendingRepair.set(null);
            error.set("Repair not run: " + repairDisabledReason.get());
            return;
        }
        pendingRepair.set(null);
        repairing.set(true);
        tasks.run("Repairing " + plan.finding().check().id(), () -> repairs.apply(plan), outcome -> {
            repairing.set(false);
            repairsApplied.set(repairsApplied.get() + 1);
            replace(outcome.recheck());
            status.set((outcome.fixed() ? "Repaired: " : "Ran, but the finding remains: ") + plan.title() + ". "
                    + outcome.auditMessage() + " " + plan.finding().check().id() + " now has "
                    + outcome.recheck().findings().size() + " findings.");
        }, failure -> {
            repairing.set(false);
            error.set(FailureMessages.describe("Repair (rolled back, nothing changed)", failure));
        });
    }

    private void replace(CheckResult recheck) {
        for (int i = 0; i < results.size(); i++) {
            if (results.get(i).check() == recheck.check()) {
                results.set(i, recheck);
            }
        }
        allFindings.removeIf(finding -> finding.check() == recheck.check());
        allFindings.addAll(recheck.findings());
        for (int i = 0; i < checks.size(); i++) {
            if (checks.get(i).check() == recheck.check()) {
                checks.set(i, CheckRow.of(recheck));
            }
        }
        CheckRow selected = selectedCheck.get();
        if (selected != null && selected.check() == recheck.check()) {
            findings.setAll(recheck.findings());
        }
    }

    /** Writes every finding of the last run as CSV, on a background thread. */
    public void exportCsv(Path file) {
        List<Finding> all = results.stream().flatMap(result -> result.findings().stream()).toList();
        tasks.run("Exporting audit findings", () -> Files.writeString(file, FindingsCsv.format(all), StandardCharsets.UTF_8),
                written -> status.set("Exported " + all.size() + " findings to " + file.getFileName() + "."),
                failure -> error.set(FailureMessages.describe("Exporting", failure)));
    }

    /**
     * The badge for an organization, team or user id: how many findings of the last run concern it, marked
     * by the worst severity; empty when none do (or the audit has not run).
     */
    public String badgeFor(String id) {
        List<Finding> concerning = allFindings.stream().filter(finding -> finding.concerns(id)).toList();
        if (concerning.isEmpty()) {
            return "";
        }
        boolean errors = concerning.stream().anyMatch(finding -> finding.severity() == Severity.ERROR);
        return (errors ? "✘ " : "⚠ ") + concerning.size() + (concerning.size() == 1 ? " audit finding" : " audit findings");
    }

    private String summary() {
        long total = results.stream().mapToLong(result -> result.findings().size()).sum();
        long errors = results.stream().mapToLong(result -> result.count(Severity.ERROR)).sum();
        long warnings = results.stream().mapToLong(result -> result.count(Severity.WARNING)).sum();
        List<CheckResult> skipped = results.stream().filter(CheckResult::wasSkipped).toList();
        String incomplete = skipped.isEmpty() ? "" : " Incomplete: " + skipped.size() + " skipped ("
                + String.join("; ", skipped.stream().map(result -> result.check().id() + ": " + result.skippedReason())
                .toList()) + ").";
        return results.size() + " checks: " + total + " findings (" + errors + (errors == 1 ? " error, " : " errors, ")
                + warnings + (warnings == 1 ? " warning, " : " warnings, ") + (total - errors - warnings) + " info)."
                + incomplete;
    }

    public ObservableList<CheckRow> checks() {
        return checks;
    }

    public ObservableList<Finding> findings() {
        return findings;
    }

    /** Every finding of the last (or running) audit; views observe it to refresh their badges. */
    public ObservableList<Finding> allFindings() {
        return FXCollections.unmodifiableObservableList(allFindings);
    }

    public ObjectProperty<CheckRow> selectedCheckProperty() {
        return selectedCheck;
    }

    public ObjectProperty<Finding> selectedFindingProperty() {
        return selectedFinding;
    }

    /** Counts committed repairs, so the browser re-reads what they changed. */
    public javafx.beans.property.ReadOnlyIntegerProperty repairsAppliedProperty() {
        return repairsApplied.getReadOnlyProperty();
    }

    /** A planned repair waiting for the user's confirmation, or null. */
    public ReadOnlyObjectProperty<RepairPlan> pendingRepairProperty() {
        return pendingRepair.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty repairingProperty() {
        return repairing.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public javafx.beans.property.StringProperty repairDisabledReasonProperty() {
        return repairDisabledReason;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }
}
