package com.nemorouter.console.audit;

import com.nemorouter.console.ui.Dialogs;
import com.nemorouter.console.ui.IdCell;
import com.nemorouter.console.ui.Tables;

import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;

/**
 * A table of audit records (organization, team or member History tab) over a detail pane with the
 * selected change in words; double-click or Enter opens the change in a window of its own.
 */
public final class HistoryView {

    private final HistoryViewModel viewModel;
    private final Dialogs dialogs;

    @FXML
    private Label summaryLabel;
    @FXML
    private TableView<AuditRecord> historyTable;
    @FXML
    private TableColumn<AuditRecord, String> whenColumn;
    @FXML
    private TableColumn<AuditRecord, String> actionColumn;
    @FXML
    private TableColumn<AuditRecord, String> objectColumn;
    @FXML
    private TableColumn<AuditRecord, String> changedByColumn;
    @FXML
    private TextArea detailArea;

    public HistoryView(HistoryViewModel viewModel, Dialogs dialogs) {
        this.viewModel = viewModel;
        this.dialogs = dialogs;
    }

    @FXML
    private void initialize() {
        summaryLabel.textProperty().bind(viewModel.summaryProperty());
        historyTable.setItems(viewModel.records());
        Tables.bind(whenColumn, record -> HistoryText.relative(record.updatedAt(),
                java.time.LocalDateTime.now(java.time.ZoneOffset.UTC)));
        whenColumn.setCellFactory(column -> new TableCell<>() {
            @Override
            protected void updateItem(String text, boolean empty) {
                super.updateItem(text, empty);
                AuditRecord record = empty || getTableRow() == null ? null : getTableRow().getItem();
                setText(empty ? null : text);
                setTooltip(record == null ? null : new Tooltip(viewModel.when(record)));
            }
        });
        Tables.bind(actionColumn, HistoryText::what);
        Tables.bind(objectColumn, AuditRecord::objectId);
        objectColumn.setCellFactory(IdCell.factory());
        Tables.bind(changedByColumn, HistoryText::who);
        historyTable.getSelectionModel().selectedItemProperty()
                .addListener((observable, old, record) -> viewModel.selectedProperty().set(record));
        detailArea.textProperty().bind(viewModel.detailProperty());
        Tables.openOnEnter(historyTable, this::open);
        historyTable.setOnKeyPressed(event -> {
            if (event.getCode() == KeyCode.ESCAPE) {
                historyTable.getSelectionModel().clearSelection();
            }
        });
    }

    /** The change in a window of its own, for reading a long roster diff at full size. */
    private void open(AuditRecord record) {
        TextArea text = new TextArea(viewModel.describe(record));
        text.setEditable(false);
        text.setWrapText(true);
        text.getStyleClass().addAll("history-detail", "mono");
        text.setPrefSize(640, 420);
        dialogs.bringUp(dialogs.toolWindow(historyTable.getScene().getWindow(), "history-change",
                HistoryText.what(record) + " · " + HistoryText.absolute(record.updatedAt()), text));
    }
}
