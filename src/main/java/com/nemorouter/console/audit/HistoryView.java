package com.nemorouter.console.audit;

import com.nemorouter.console.ui.Tables;

import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

/** A table of audit records (organization, team or member History tab). */
public final class HistoryView {

    private final HistoryViewModel viewModel;

    @FXML
    private Label summaryLabel;
    @FXML
    private TableView<AuditRecord> historyTable;
    @FXML
    private TableColumn<AuditRecord, String> whenColumn;
    @FXML
    private TableColumn<AuditRecord, String> actionColumn;
    @FXML
    private TableColumn<AuditRecord, String> tableColumn;
    @FXML
    private TableColumn<AuditRecord, String> objectColumn;
    @FXML
    private TableColumn<AuditRecord, String> changedByColumn;
    @FXML
    private TableColumn<AuditRecord, String> valuesColumn;

    public HistoryView(HistoryViewModel viewModel) {
        this.viewModel = viewModel;
    }

    @FXML
    private void initialize() {
        summaryLabel.textProperty().bind(viewModel.summaryProperty());
        historyTable.setItems(viewModel.records());
        Tables.bind(whenColumn, record -> record.updatedAt().toString().replace('T', ' ') + " UTC");
        Tables.bind(actionColumn, AuditRecord::action);
        Tables.bind(tableColumn, AuditRecord::tableName);
        Tables.bind(objectColumn, AuditRecord::objectId);
        Tables.bind(changedByColumn, AuditRecord::changedBy);
        Tables.bind(valuesColumn, HistoryViewModel::change);
    }
}
