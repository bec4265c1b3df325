package com.nemorouter.console.integrity;

import com.nemorouter.console.presence.PresenceEntry;
import com.nemorouter.console.ui.Tables;

import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;

/** Locate an id (Ctrl+L) and resolve a key: thin code-behind over {@link LocateViewModel}. */
public final class LocateView {

    private final LocateViewModel viewModel;

    @FXML
    private TextField idField;
    @FXML
    private Label messageLabel;
    @FXML
    private Label errorLabel;
    @FXML
    private FlowPane entityLinks;
    @FXML
    private Button scanButton;
    @FXML
    private Button cancelButton;
    @FXML
    private TableView<PresenceEntry> placeTable;
    @FXML
    private TableColumn<PresenceEntry, String> schemaColumn;
    @FXML
    private TableColumn<PresenceEntry, String> tableColumn;
    @FXML
    private TableColumn<PresenceEntry, String> columnColumn;
    @FXML
    private TableColumn<PresenceEntry, String> roleColumn;
    @FXML
    private TableColumn<PresenceEntry, String> rowsColumn;
    @FXML
    private PasswordField keyField;
    @FXML
    private Label keyErrorLabel;
    @FXML
    private Label keySummaryLabel;

    public LocateView(LocateViewModel viewModel) {
        this.viewModel = viewModel;
    }

    @FXML
    private void initialize() {
        idField.textProperty().bindBidirectional(viewModel.inputProperty());
        idField.setOnAction(event -> viewModel.locate());
        messageLabel.textProperty().bind(viewModel.messageProperty());
        bindError(errorLabel, viewModel.errorProperty());
        placeTable.setItems(viewModel.places());
        // The placeholder says what the empty table means now: nothing typed yet, or found nowhere.
        Label placeholder = new Label();
        placeholder.textProperty().bind(viewModel.placeholderProperty());
        placeholder.setWrapText(true);
        placeTable.setPlaceholder(placeholder);
        tableColumn.setCellFactory(column -> new javafx.scene.control.TableCell<>() {
            @Override
            protected void updateItem(String table, boolean empty) {
                super.updateItem(table, empty);
                setText(empty ? null : table);
                setTooltip(empty || table == null ? null : new javafx.scene.control.Tooltip(table));
            }
        });
        Tables.bind(schemaColumn, PresenceEntry::schema);
        Tables.bind(tableColumn, PresenceEntry::table);
        Tables.bind(columnColumn, PresenceEntry::column);
        Tables.bind(roleColumn, PresenceEntry::role);
        Tables.bind(rowsColumn, PresenceEntry::describeCount);
        scanButton.visibleProperty().bind(viewModel.canScanAnywayProperty());
        scanButton.managedProperty().bind(scanButton.visibleProperty());
        scanButton.disableProperty().bind(viewModel.searchingProperty());
        cancelButton.disableProperty().bind(viewModel.searchingProperty().not());
        viewModel.entities().addListener((javafx.collections.ListChangeListener<LocatedEntity>) change -> showLinks());

        keyField.textProperty().bindBidirectional(viewModel.keyInputProperty());
        keyField.setOnAction(event -> viewModel.resolveKey());
        keySummaryLabel.textProperty().bind(viewModel.keySummaryProperty());
        // No empty bordered box before a key was resolved.
        keySummaryLabel.visibleProperty().bind(viewModel.keySummaryProperty().isNotEmpty());
        keySummaryLabel.managedProperty().bind(keySummaryLabel.visibleProperty());
        bindError(keyErrorLabel, viewModel.keyErrorProperty());
    }

    private void showLinks() {
        entityLinks.getChildren().clear();
        for (LocatedEntity entity : viewModel.entities()) {
            Hyperlink link = new Hyperlink("Open " + entity.label());
            link.getStyleClass().add("locate-link");
            link.setOnAction(event -> viewModel.open(entity));
            entityLinks.getChildren().add(link);
        }
    }

    private static void bindError(Label label, javafx.beans.property.ReadOnlyStringProperty text) {
        label.textProperty().bind(text);
        label.visibleProperty().bind(text.isNotEmpty());
        label.managedProperty().bind(label.visibleProperty());
    }

    /** Locates {@code id} as if typed (a context menu's "Open in Locate"). */
    public void locate(String id) {
        viewModel.inputProperty().set(id);
        viewModel.locate();
    }

    public void focus() {
        idField.requestFocus();
        idField.selectAll();
    }

    @FXML
    private void locate() {
        viewModel.locate();
    }

    @FXML
    private void scanAnyway() {
        viewModel.scanAnyway();
    }

    @FXML
    private void cancel() {
        viewModel.cancel();
    }

    @FXML
    private void resolveKey() {
        viewModel.resolveKey();
    }
}
