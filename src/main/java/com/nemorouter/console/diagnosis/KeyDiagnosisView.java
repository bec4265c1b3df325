package com.nemorouter.console.diagnosis;

import com.nemorouter.console.ui.SqlPreview;
import com.nemorouter.console.ui.Clipboards;
import com.nemorouter.console.ui.Tables;

import javafx.beans.property.ReadOnlyStringProperty;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;

/** The key screen: thin code-behind over {@link KeyDiagnosisViewModel}. */
public final class KeyDiagnosisView {

    private final KeyDiagnosisViewModel viewModel;

    @FXML
    private PasswordField keyField;
    @FXML
    private TextField modelField;
    @FXML
    private TextField routeField;
    @FXML
    private TextField endUserField;
    @FXML
    private Label errorLabel;
    @FXML
    private TextField hashField;
    @FXML
    private Button copyHashButton;
    @FXML
    private Label contextLabel;
    @FXML
    private Label verdictLabel;
    @FXML
    private Label customerLabel;
    @FXML
    private TableView<CheckLine> checkTable;
    @FXML
    private TableColumn<CheckLine, String> checkColumn;
    @FXML
    private TableColumn<CheckLine, String> resultColumn;
    @FXML
    private TableColumn<CheckLine, String> detailColumn;
    @FXML
    private Label spendLabel;
    @FXML
    private Label spendLogsLabel;
    @FXML
    private Button scanButton;
    @FXML
    private Label updatedLabel;
    @FXML
    private Label caveatsLabel;
    @FXML
    private ComboBox<KeyFix> fixChoice;
    @FXML
    private TextField fixValueField;
    @FXML
    private Button applyButton;
    @FXML
    private SqlPreview fixSqlArea;
    @FXML
    private Label fixMessageLabel;

    public KeyDiagnosisView(KeyDiagnosisViewModel viewModel) {
        this.viewModel = viewModel;
    }

    @FXML
    private void initialize() {
        keyField.textProperty().bindBidirectional(viewModel.keyInputProperty());
        keyField.setOnAction(event -> viewModel.diagnose());
        modelField.textProperty().bindBidirectional(viewModel.modelProperty());
        routeField.textProperty().bindBidirectional(viewModel.routeProperty());
        endUserField.textProperty().bindBidirectional(viewModel.endUserProperty());
        hide(errorLabel, viewModel.errorProperty());
        hashField.textProperty().bind(viewModel.hashProperty());
        copyHashButton.disableProperty().bind(viewModel.hashProperty().isEmpty());
        hide(contextLabel, viewModel.authContextProperty());
        hide(verdictLabel, viewModel.verdictProperty());
        viewModel.verdictStateProperty().addListener((observable, old, state) -> {
            verdictLabel.getStyleClass().removeAll("key-view__verdict--accepted", "key-view__verdict--rejected");
            if (!state.isEmpty()) {
                verdictLabel.getStyleClass().add("key-view__verdict--" + state);
            }
        });
        hide(customerLabel, viewModel.customerSawProperty());
        checkTable.setItems(viewModel.checks());
        Tables.bind(checkColumn, line -> line.check().id());
        Tables.bind(resultColumn, line -> line.result().id());
        Tables.bind(detailColumn, CheckLine::detail);
        checkTable.setRowFactory(table -> new TableRow<>() {
            @Override
            protected void updateItem(CheckLine line, boolean empty) {
                super.updateItem(line, empty);
                getStyleClass().removeAll("key-check--fail", "key-check--unknown");
                if (!empty && line != null && line.result() == Outcome.FAIL) {
                    getStyleClass().add("key-check--fail");
                } else if (!empty && line != null && line.result() == Outcome.UNKNOWN) {
                    getStyleClass().add("key-check--unknown");
                }
                setTooltip(empty || line == null ? null : new Tooltip(line.check().title() + ": " + line.detail()));
            }
        });
        spendLabel.textProperty().bind(viewModel.spendProperty());
        spendLogsLabel.textProperty().bind(viewModel.spendLogsProperty());
        scanButton.visibleProperty().bind(viewModel.spendLogsSkippedProperty());
        scanButton.managedProperty().bind(scanButton.visibleProperty());
        updatedLabel.textProperty().bind(viewModel.updatedAtProperty());
        caveatsLabel.textProperty().bind(viewModel.caveatsProperty());
        fixChoice.setItems(viewModel.fixes());
        fixChoice.valueProperty().bindBidirectional(viewModel.selectedFixProperty());
        fixValueField.textProperty().bindBidirectional(viewModel.fixValueProperty());
        fixValueField.promptTextProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> {
            KeyFix fix = viewModel.selectedFixProperty().get();
            return fix == null || !fix.needsValue() ? "(no value needed)" : fix.valueHint();
        }, viewModel.selectedFixProperty()));
        fixSqlArea.sqlProperty().bind(viewModel.fixPreviewProperty());
        applyButton.disableProperty().bind(viewModel.canApplyProperty().not());
        viewModel.fixDisabledReasonProperty().addListener((observable, old, reason) ->
                applyButton.setTooltip(reason.isEmpty() ? null : new Tooltip("Disabled: " + reason)));
        fixMessageLabel.textProperty().bind(viewModel.fixMessageProperty());
    }

    private static void hide(Label label, ReadOnlyStringProperty text) {
        label.textProperty().bind(text);
        label.visibleProperty().bind(text.isNotEmpty());
        label.managedProperty().bind(label.visibleProperty());
    }

    public void focus() {
        keyField.requestFocus();
    }

    @FXML
    private void diagnose() {
        viewModel.diagnose();
    }

    @FXML
    private void scanSpendLogs() {
        viewModel.scanSpendLogs();
    }

    @FXML
    private void copyHash() {
        Clipboards.copy(viewModel.hashProperty().get());
    }

    @FXML
    private void previewFix() {
        viewModel.previewFix();
    }

    @FXML
    private void applyFix() {
        viewModel.applyFix();
    }
}
