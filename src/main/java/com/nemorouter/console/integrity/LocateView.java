package com.nemorouter.console.integrity;

import com.nemorouter.console.presence.PresenceEntry;
import com.nemorouter.console.ui.Tables;

import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;

/** Locate an id (Ctrl+L), with the key screen in a second tab: thin code-behind over {@link LocateViewModel}. */
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
    private TabPane tabs;
    @FXML
    private Tab locateTab;
    @FXML
    private Tab keyTab;

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
        tabs.getSelectionModel().select(locateTab);
        idField.requestFocus();
        idField.selectAll();
    }

    /** The key screen (its own feature, wired by the composition root) goes in the second tab. */
    public void setKeyContent(Node content) {
        keyTab.setContent(content);
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
}
