package com.nemorouter.console.integrity;

import java.io.File;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.nemorouter.console.ui.IdCell;
import com.nemorouter.console.ui.SqlPreview;
import com.nemorouter.console.ui.Tables;

import com.nemorouter.console.ui.Dialogs;

import javafx.fxml.FXML;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceDialog;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TableView;
import javafx.stage.FileChooser;

/** The integrity audit: checks with counts, progress and Cancel, findings of the selected check. */
public final class AuditView {

    private final AuditViewModel viewModel;

    @FXML
    private Button runButton;
    @FXML
    private Button cancelButton;
    @FXML
    private Button exportButton;
    @FXML
    private Button repairButton;
    @FXML
    private ProgressBar progressBar;
    @FXML
    private Label statusLabel;
    @FXML
    private Label errorLabel;
    @FXML
    private TableView<CheckRow> checkTable;
    @FXML
    private TableColumn<CheckRow, String> checkIdColumn;
    @FXML
    private TableColumn<CheckRow, String> checkStatusColumn;
    @FXML
    private TableColumn<CheckRow, String> checkSeverityColumn;
    @FXML
    private TableColumn<CheckRow, String> checkExplanationColumn;
    @FXML
    private TableView<Finding> findingTable;
    @FXML
    private TableColumn<Finding, String> severityColumn;
    @FXML
    private TableColumn<Finding, String> entityTypeColumn;
    @FXML
    private TableColumn<Finding, String> entityIdColumn;
    @FXML
    private TableColumn<Finding, String> tablesColumn;
    @FXML
    private TableColumn<Finding, String> detailColumn;
    @FXML
    private Label findingDetail;

    private final Dialogs dialogs;

    public AuditView(AuditViewModel viewModel, Dialogs dialogs) {
        this.viewModel = viewModel;
        this.dialogs = dialogs;
    }

    @FXML
    private void initialize() {
        progressBar.progressProperty().bind(viewModel.progressProperty());
        statusLabel.textProperty().bind(viewModel.statusProperty());
        errorLabel.textProperty().bind(viewModel.errorProperty());
        errorLabel.visibleProperty().bind(viewModel.errorProperty().isNotEmpty());
        errorLabel.managedProperty().bind(errorLabel.visibleProperty());
        runButton.disableProperty().bind(viewModel.runningProperty());
        cancelButton.disableProperty().bind(viewModel.runningProperty().not());
        exportButton.disableProperty().bind(viewModel.runningProperty());

        checkTable.setItems(viewModel.checks());
        Tables.bind(checkIdColumn, row -> row.check().id());
        Tables.bind(checkStatusColumn, CheckRow::status);
        checkStatusColumn.setCellFactory(column -> new MarkedCell<>());
        Tables.bind(checkSeverityColumn, CheckRow::severities);
        Tables.bind(checkExplanationColumn, row -> row.check().explanation());
        checkExplanationColumn.setCellFactory(column -> new MarkedCell<>());
        checkTable.getSelectionModel().selectedItemProperty()
                .addListener((observable, old, row) -> viewModel.selectedCheckProperty().set(row));

        findingTable.setItems(viewModel.findings());
        Tables.bind(severityColumn, finding -> AuditViewModel.severityText(finding.severity()));
        severityColumn.setCellFactory(column -> new MarkedCell<>());
        Tables.bind(entityTypeColumn, Finding::entityType);
        Tables.bind(entityIdColumn, Finding::entityId);
        Tables.bind(tablesColumn, finding -> String.join(", ", finding.tables()));
        Tables.bind(detailColumn, Finding::detail);
        entityIdColumn.setCellFactory(IdCell.factory());
        detailColumn.setCellFactory(column -> new MarkedCell<>());
        Tables.rowMenu(findingTable, Finding::entityId)
                .copy("Copy detail", "finding", Finding::detail)
                .action("Open", viewModel::open, finding -> !finding.entityType().equals("column"))
                .install();
        Tables.openOnEnter(findingTable, viewModel::open);
        findingTable.getSelectionModel().selectedItemProperty()
                .addListener((observable, old, finding) -> viewModel.selectedFindingProperty().set(finding));
        findingDetail.textProperty().bind(viewModel.selectedFindingProperty().map(AuditViewModel::describe)
                .orElse("Select a finding to read it in full."));
        repairButton.disableProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(
                () -> viewModel.repairChoices(viewModel.selectedFindingProperty().get()).isEmpty()
                        || viewModel.repairingProperty().get()
                        || !viewModel.repairDisabledReasonProperty().get().isEmpty(),
                viewModel.selectedFindingProperty(), viewModel.repairingProperty(), viewModel.runningProperty(),
                viewModel.findings(), viewModel.repairDisabledReasonProperty()));
        javafx.scene.control.Tooltip repairTooltip = new javafx.scene.control.Tooltip();
        repairTooltip.textProperty().bind(viewModel.repairDisabledReasonProperty()
                .map(why -> why.isEmpty() ? "Preview and run the SQL that fixes the selected finding" : why));
        repairButton.setTooltip(repairTooltip);
        // JavaFX shows no tooltip over a disabled control: the bar around it carries the reason too.
        javafx.scene.control.Tooltip barTooltip = new javafx.scene.control.Tooltip();
        barTooltip.textProperty().bind(viewModel.repairDisabledReasonProperty());
        javafx.scene.control.Tooltip.install(repairButton.getParent(), barTooltip);
        viewModel.pendingRepairProperty().addListener((observable, old, plan) -> {
            if (plan != null) {
                confirm(plan);
            }
        });
    }

    @FXML
    private void repair() {
        Finding finding = viewModel.selectedFindingProperty().get();
        List<RepairChoice> choices = viewModel.repairChoices(finding);
        if (choices.size() == 1) {
            viewModel.planRepair(finding, choices.get(0));
            return;
        }
        Map<String, RepairChoice> labels = new LinkedHashMap<>();
        labels.put("nemo is right: change LiteLLM", RepairChoice.NEMO_IS_RIGHT);
        labels.put("LiteLLM is right: change nemo", RepairChoice.LITELLM_IS_RIGHT);
        ChoiceDialog<String> dialog = new ChoiceDialog<>(labels.keySet().iterator().next(), labels.keySet());
        dialog.setTitle("Repair " + finding.check().id());
        dialog.setHeaderText(finding.detail() + "\nWhich side is right?");
        dialogs.showAndWait(checkTable.getScene().getWindow(), dialog).map(labels::get).ifPresent(choice -> viewModel.planRepair(finding, choice));
    }

    /**
     * Shows the exact SQL; nothing runs unless the user confirms. The confirm button names what it does and
     * is styled as dangerous; it is never the default, so Enter and Escape both leave the data alone.
     */
    private void confirm(RepairPlan plan) {
        SqlPreview sql = new SqlPreview(plan.preview());
        sql.setId("repair-sql");
        sql.getStyleClass().add("repair-sql");
        sql.setPrefSize(760, 320);
        int count = plan.statements().size();
        ButtonType run = new ButtonType("Repair: run " + count + (count == 1 ? " statement" : " statements"),
                ButtonBar.ButtonData.OTHER);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, "", run, ButtonType.CANCEL);
        alert.setTitle("Repair " + plan.finding().check().id());
        alert.setHeaderText(plan.title() + "\nThis SQL runs in one transaction:");
        alert.getDialogPane().setContent(sql);
        Button runButton = (Button) alert.getDialogPane().lookupButton(run);
        runButton.setId("repair-run");
        runButton.setDefaultButton(false);
        runButton.getStyleClass().add("danger");
        Button cancel = (Button) alert.getDialogPane().lookupButton(ButtonType.CANCEL);
        cancel.setId("repair-cancel");
        cancel.setDefaultButton(true);
        alert.setOnShown(event -> cancel.requestFocus());
        if (dialogs.showAndWait(checkTable.getScene().getWindow(), alert).filter(run::equals).isPresent()) {
            viewModel.confirmRepair();
        } else {
            viewModel.discardRepair();
        }
    }

    /**
     * Text cells with the full text in a tooltip, coloured by their leading mark: ✔ passed (green),
     * ✘ error (red), ⚠ warning (amber), ℹ info (accent). The mark keeps them readable without colour.
     */
    static final class MarkedCell<S> extends TableCell<S, String> {
        private static final List<String> MARKS = List.of("check-passed", "check-failed", "finding-warning", "finding-info");

        @Override
        protected void updateItem(String text, boolean empty) {
            super.updateItem(text, empty);
            getStyleClass().removeAll(MARKS);
            setText(empty ? null : text);
            setTooltip(empty || text == null || text.isEmpty() ? null : new Tooltip(text));
            if (empty || text == null || text.isEmpty()) {
                return;
            }
            switch (text.charAt(0)) {
                case '✔' -> getStyleClass().add("check-passed");
                case '✘' -> getStyleClass().add("check-failed");
                case '⚠' -> getStyleClass().add("finding-warning");
                case 'ℹ' -> getStyleClass().add("finding-info");
                default -> { }
            }
        }
    }

    @FXML
    private void run() {
        viewModel.run();
    }

    @FXML
    private void cancel() {
        viewModel.cancel();
    }

    @FXML
    private void open() {
        viewModel.open(findingTable.getSelectionModel().getSelectedItem());
    }

    @FXML
    private void exportCsv() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export audit findings");
        chooser.setInitialFileName("nemo-audit.csv");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("CSV", "*.csv"));
        File file = chooser.showSaveDialog(checkTable.getScene().getWindow());
        if (file != null) {
            viewModel.exportCsv(file.toPath());
        }
    }
}
