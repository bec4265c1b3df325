package com.nemorouter.console.diagnosis;

import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import com.nemorouter.console.connection.FailureMessages;
import com.nemorouter.console.integrity.KeyResolution;
import com.nemorouter.console.integrity.KeyService;
import com.nemorouter.console.ui.Latest;
import com.nemorouter.console.ui.TaskRunner;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The key screen: paste a key (hashed here at once; the raw key leaves the field and is never stored, logged
 * or sent), read its AuthContext and LiteLLM's verdict, and apply a fix. Task descriptions never name the key.
 */
public final class KeyDiagnosisViewModel {

    /** What one diagnosis task reads: the key's AuthContext (empty when no row has the hash) and the verdict. */
    private record Diagnosed(Optional<KeyResolution> resolution, KeyDiagnosis diagnosis) {
    }

    private final KeyService keys;
    private final KeyDiagnosisService diagnosisService;
    private final KeyFixService fixService;
    private final TaskRunner tasks;
    private final Supplier<VersionAssumption> version;

    private final StringProperty keyInput = new SimpleStringProperty("");
    private final StringProperty model = new SimpleStringProperty("");
    private final StringProperty route = new SimpleStringProperty("");
    private final StringProperty endUser = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper hash = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper authContext = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper verdict = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper verdictState = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper customerSaw = new ReadOnlyStringWrapper("");
    private final ObservableList<CheckLine> checks = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper spend = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper spendLogs = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper spendLogsSkipped = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper updatedAt = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper caveats = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);

    private final ObservableList<KeyFix> fixes = FXCollections.observableArrayList();
    private final ObjectProperty<KeyFix> selectedFix = new SimpleObjectProperty<>();
    private final StringProperty fixValue = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper fixPreview = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper fixMessage = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper canApply = new ReadOnlyBooleanWrapper(false);
    private final StringProperty fixDisabledReason = new SimpleStringProperty("");

    private KeyDiagnosis current;
    private FixPlan pendingFix;
    /** The diagnosis shown: a new one supersedes it. */
    private final Latest diagnosing;

    /** @param version the LiteLLM version to assume (the profile's), or a supplier of null to infer it */
    public KeyDiagnosisViewModel(KeyService keys, KeyDiagnosisService diagnosisService, KeyFixService fixService,
                                 TaskRunner tasks, Supplier<VersionAssumption> version) {
        this.keys = keys;
        this.diagnosisService = diagnosisService;
        this.fixService = fixService;
        this.tasks = tasks;
        this.diagnosing = new Latest(tasks);
        this.version = version;
        selectedFix.addListener((observable, old, fix) -> clearPendingFix());
        fixValue.addListener((observable, old, value) -> clearPendingFix());
        fixDisabledReason.addListener((observable, old, reason) -> updateCanApply());
    }

    /** Hashes what was pasted (if anything), then resolves and diagnoses the key in the background. */
    public void diagnose() {
        run(false);
    }

    /** Diagnoses again, reading LiteLLM_SpendLogs even though it is large and has no index on api_key. */
    public void scanSpendLogs() {
        run(true);
    }

    private void run(boolean scan) {
        error.set("");
        String pasted = keyInput.get() == null ? "" : keyInput.get().strip();
        if (!pasted.isEmpty()) {
            try {
                hash.set(KeyService.tokenHash(pasted));
            } catch (IllegalArgumentException e) {
                error.set(e.getMessage());
                return;
            } finally {
                // The raw key leaves the field (and the memory the UI holds) as soon as it has been hashed.
                keyInput.set("");
            }
        }
        if (hash.get().isEmpty()) {
            error.set("Paste " + KeyService.VALID_KEY_HINT + ".");
            return;
        }
        DiagnosisRequest diagnosisRequest;
        try {
            diagnosisRequest = new DiagnosisRequest(hash.get(), model.get(), route.get(), endUser.get(), version.get(), scan);
        } catch (IllegalArgumentException e) {
            error.set(e.getMessage());
            return;
        }
        busy.set(true);
        verdict.set("Diagnosing…");
        verdictState.set("");
        diagnosing.run("Diagnosing a key", () -> new Diagnosed(keys.resolve(diagnosisRequest.tokenHash()),
                diagnosisService.diagnose(diagnosisRequest)), result -> {
                    busy.set(false);
                    authContext.set(result.resolution().map(KeyDiagnosisViewModel::describe)
                            .orElse("No AuthContext: LiteLLM_VerificationToken has no row with this hash."));
                    show(result.diagnosis());
                }, failure -> {
                    busy.set(false);
                    verdict.set("");
                    error.set(FailureMessages.describe("Diagnosing the key", failure));
                });
    }

    private void show(KeyDiagnosis diagnosis) {
        current = diagnosis;
        verdict.set(diagnosis.verdict());
        verdictState.set(diagnosis.allowed() ? "accepted" : "rejected");
        customerSaw.set(diagnosis.firstFailure() == null ? "" : "The customer most likely saw HTTP "
                + diagnosis.firstFailure().status() + ", type " + diagnosis.firstFailure().type() + ":\n"
                + diagnosis.firstFailure().message());
        checks.setAll(diagnosis.checks());
        spend.set(diagnosis.spend().stream().map(SpendLine::describe).collect(Collectors.joining("\n")));
        spendLogs.set(diagnosis.spendLogs().describe());
        spendLogsSkipped.set(diagnosis.found() && diagnosis.spendLogs().wasSkipped());
        updatedAt.set("updated_at: key " + orDash(diagnosis.keyUpdatedAt()) + " UTC, team " + orDash(diagnosis.teamUpdatedAt())
                + " UTC; checked at " + orDash(diagnosis.checkedAt() == null ? null : diagnosis.checkedAt().withNano(0)) + " UTC");
        caveats.set(diagnosis.caveats().stream().map(caveat -> "• " + caveat).collect(Collectors.joining("\n")));
        fixes.setAll(KeyFix.suggested(diagnosis));
        selectedFix.set(fixes.isEmpty() ? null : fixes.get(0));
        clearPendingFix();
    }

    /** Plans the selected fix and shows its SQL; nothing changes until {@link #applyFix}. */
    public void previewFix() {
        fixMessage.set("");
        KeyFix fix = selectedFix.get();
        if (current == null || fix == null) {
            fixMessage.set("Diagnose a key that fails a check with a fix first.");
            return;
        }
        KeyDiagnosis diagnosed = current;
        String value = fixValue.get();
        tasks.run("Planning a key fix", () -> fixService.plan(diagnosed, fix, value), plan -> {
            pendingFix = plan;
            fixPreview.set(plan.preview());
            updateCanApply();
        }, failure -> fixMessage.set(failure instanceof IllegalArgumentException ? failure.getMessage()
                : FailureMessages.describe("Planning the fix", failure)));
    }

    /** Applies the previewed fix in one transaction, then shows the key's new diagnosis and the cache note. */
    public void applyFix() {
        FixPlan plan = pendingFix;
        if (plan == null) {
            return;
        }
        if (!fixDisabledReason.get().isEmpty()) {
            fixMessage.set("Fix not applied: " + fixDisabledReason.get());
            return;
        }
        pendingFix = null;
        updateCanApply();
        tasks.run("Applying a key fix", () -> fixService.apply(plan), outcome -> {
            show(outcome.after());
            fixPreview.set("");
            fixMessage.set("Applied: " + plan.title() + ". " + outcome.auditMessage() + "\n" + outcome.cacheNote());
        }, failure -> fixMessage.set(failure instanceof IllegalStateException ? failure.getMessage()
                : FailureMessages.describe("Applying the fix", failure)));
    }

    private void clearPendingFix() {
        pendingFix = null;
        fixPreview.set("");
        updateCanApply();
    }

    private void updateCanApply() {
        canApply.set(pendingFix != null && fixDisabledReason.get().isEmpty());
    }

    static String describe(KeyResolution key) {
        return "AuthContext.org_id = " + orNone(key.orgId()) + " (from the " + key.orgSource() + ")\n"
                + "team_id = " + orNone(key.teamId()) + "\n"
                + "user_id = " + orNone(key.userId()) + (key.userRole() == null ? "" : " (" + key.userRole() + ")") + "\n"
                + "key_alias = " + orNone(key.keyAlias()) + "\n"
                + (key.blocked() ? "✘ blocked" : "✔ not blocked") + (key.teamBlocked() ? " (team blocked)" : "") + "   "
                + (key.expired() ? "✘ expired " + key.expires() + " UTC" : "✔ not expired") + "\n"
                + "organization: nemo " + mark(key.orgInNemo()) + "  LiteLLM " + mark(key.orgInLiteLlm()) + "\n"
                + "team: nemo " + mark(key.teamInNemo()) + "  LiteLLM " + mark(key.teamInLiteLlm());
    }

    private static String orNone(String value) {
        return value == null ? "✘ none" : value;
    }

    private static String orDash(Object value) {
        return value == null ? "-" : value.toString();
    }

    private static String mark(boolean present) {
        return present ? "✔ present" : "✘ MISSING";
    }

    public StringProperty keyInputProperty() {
        return keyInput;
    }

    public StringProperty modelProperty() {
        return model;
    }

    public StringProperty routeProperty() {
        return route;
    }

    public StringProperty endUserProperty() {
        return endUser;
    }

    public ReadOnlyStringProperty hashProperty() {
        return hash.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty authContextProperty() {
        return authContext.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty verdictProperty() {
        return verdict.getReadOnlyProperty();
    }

    /** {@code accepted}, {@code rejected} or empty (nothing diagnosed yet). */
    public ReadOnlyStringProperty verdictStateProperty() {
        return verdictState.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty customerSawProperty() {
        return customerSaw.getReadOnlyProperty();
    }

    public ObservableList<CheckLine> checks() {
        return checks;
    }

    public ReadOnlyStringProperty spendProperty() {
        return spend.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty spendLogsProperty() {
        return spendLogs.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty spendLogsSkippedProperty() {
        return spendLogsSkipped.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty updatedAtProperty() {
        return updatedAt.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty caveatsProperty() {
        return caveats.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ObservableList<KeyFix> fixes() {
        return fixes;
    }

    public ObjectProperty<KeyFix> selectedFixProperty() {
        return selectedFix;
    }

    public StringProperty fixValueProperty() {
        return fixValue;
    }

    public ReadOnlyStringProperty fixPreviewProperty() {
        return fixPreview.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty fixMessageProperty() {
        return fixMessage.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canApplyProperty() {
        return canApply.getReadOnlyProperty();
    }

    /** Why fixes are disabled (read-only mode), empty when they may run; bound by the composition root. */
    public StringProperty fixDisabledReasonProperty() {
        return fixDisabledReason;
    }
}
