package com.nemorouter.console.spend;

import com.nemorouter.console.ui.Tables;

import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;

/** The Spend tab: thin code-behind over {@link SpendViewModel}. */
public final class SpendView {

    private final SpendViewModel viewModel;

    @FXML
    private Label summaryLabel;
    @FXML
    private Button scanButton;
    @FXML
    private TableView<SpendRow> spendTable;
    @FXML
    private TableColumn<SpendRow, String> scopeColumn;
    @FXML
    private TableColumn<SpendRow, String> nameColumn;
    @FXML
    private TableColumn<SpendRow, String> spendColumn;
    @FXML
    private TableColumn<SpendRow, String> budgetColumn;
    @FXML
    private TableColumn<SpendRow, String> percentColumn;
    @FXML
    private TableColumn<SpendRow, String> resetColumn;
    @FXML
    private TableColumn<SpendRow, String> recentColumn;

    public SpendView(SpendViewModel viewModel) {
        this.viewModel = viewModel;
    }

    @FXML
    private void initialize() {
        summaryLabel.textProperty().bind(viewModel.summaryProperty());
        scanButton.visibleProperty().bind(viewModel.canScanProperty());
        scanButton.managedProperty().bind(scanButton.visibleProperty());
        spendTable.setItems(viewModel.rows());
        Tables.bind(scopeColumn, SpendRow::scope);
        Tables.bind(nameColumn, SpendRow::name);
        Tables.bind(spendColumn, row -> Double.toString(row.spend()));
        Tables.bind(budgetColumn, row -> row.maxBudget() == null ? "—" : Double.toString(row.maxBudget()));
        Tables.bind(percentColumn, SpendRow::percentUsed);
        Tables.bind(resetColumn, row -> row.budgetResetAt() == null ? "" : row.budgetResetAt() + " UTC");
        Tables.bind(recentColumn, row -> row.spend24h() == null ? "" : Double.toString(row.spend24h()));
        spendTable.setRowFactory(table -> new TableRow<>() {
            @Override
            protected void updateItem(SpendRow row, boolean empty) {
                super.updateItem(row, empty);
                getStyleClass().remove("key-check--fail");
                if (!empty && row != null && row.atOrOverBudget()) {
                    getStyleClass().add("key-check--fail");
                }
            }
        });
    }

    @FXML
    private void scanSpendLogs() {
        viewModel.scanSpendLogs();
    }
}
