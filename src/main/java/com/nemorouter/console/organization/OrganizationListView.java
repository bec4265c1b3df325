package com.nemorouter.console.organization;

import com.nemorouter.console.presence.MarkStyle;
import com.nemorouter.console.presence.Presence;
import com.nemorouter.console.ui.IdCell;
import com.nemorouter.console.ui.IdLinks;
import com.nemorouter.console.ui.Tables;

import javafx.animation.PauseTransition;
import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.util.Duration;

/** The organization list: debounced search box over a virtualized, page-on-scroll table. */
public final class OrganizationListView {

    private static final Duration SEARCH_DEBOUNCE = Duration.millis(250);
    /** Start fetching the next page this many rows before the end, so scrolling rarely waits. */
    private static final int PREFETCH_ROWS = 40;

    private final OrganizationListViewModel viewModel;
    private final Runnable openSelected;
    private final IdLinks links;

    @FXML
    private TextField searchField;
    @FXML
    private Label summaryLabel;
    @FXML
    private Label errorLabel;
    @FXML
    private TableView<OrganizationRow> organizationTable;
    @FXML
    private TableColumn<OrganizationRow, Presence> presenceColumn;
    @FXML
    private TableColumn<OrganizationRow, String> nameColumn;
    @FXML
    private TableColumn<OrganizationRow, String> slugColumn;
    @FXML
    private TableColumn<OrganizationRow, String> idColumn;
    @FXML
    private TableColumn<OrganizationRow, String> planColumn;
    @FXML
    private TableColumn<OrganizationRow, Long> teamsColumn;
    @FXML
    private TableColumn<OrganizationRow, Long> membersColumn;

    /** @param openSelected moves focus to the detail of the selected organization (Enter) */
    public OrganizationListView(OrganizationListViewModel viewModel, Runnable openSelected, IdLinks links) {
        this.viewModel = viewModel;
        this.openSelected = openSelected;
        this.links = links;
    }

    @FXML
    private void initialize() {
        searchField.textProperty().bindBidirectional(viewModel.searchTextProperty());
        PauseTransition debounce = new PauseTransition(SEARCH_DEBOUNCE);
        debounce.setOnFinished(event -> viewModel.search());
        searchField.textProperty().addListener((observable, old, text) -> debounce.playFromStart());
        searchField.setOnAction(event -> {
            debounce.stop();
            viewModel.search();
        });

        summaryLabel.textProperty().bind(viewModel.summaryProperty());
        errorLabel.textProperty().bind(viewModel.errorProperty());
        errorLabel.visibleProperty().bind(viewModel.errorProperty().isNotEmpty());
        errorLabel.managedProperty().bind(errorLabel.visibleProperty());

        organizationTable.setItems(viewModel.rows());
        Tables.bind(presenceColumn, OrganizationRow::presence);
        presenceColumn.setCellFactory(column -> new PresenceCell());
        Tables.bind(nameColumn, OrganizationRow::displayName);
        Tables.bind(slugColumn, row -> OrganizationRow.orDash(row.slug()));
        Tables.bind(idColumn, OrganizationRow::id);
        idColumn.setCellFactory(IdCell.factory());
        Tables.bind(planColumn, row -> OrganizationRow.orDash(row.plan()));
        Tables.bind(teamsColumn, OrganizationRow::teamCount);
        // Empty while the count streams in after the page.
        membersColumn.setCellValueFactory(cell -> javafx.beans.binding.Bindings.createObjectBinding(
                () -> viewModel.memberCountOf(cell.getValue()), viewModel.memberCounts()));
        organizationTable.setRowFactory(table -> new PagingRow());
        organizationTable.getSelectionModel().selectedItemProperty()
                .addListener((observable, old, row) -> {
                    if (row != null || !viewModel.isRefreshing()) {
                        viewModel.selectedProperty().set(row);
                    }
                });
        // A refresh that replaced rows keeps the organization that was selected, if it is still listed.
        viewModel.rows().addListener((javafx.collections.ListChangeListener<OrganizationRow>) change -> {
            String pending = viewModel.pendingSelection();
            if (pending != null) {
                viewModel.rows().stream().filter(row -> row.id().equals(pending)).findFirst().ifPresent(row -> {
                    viewModel.clearPendingSelection();
                    organizationTable.getSelectionModel().select(row);
                    organizationTable.scrollTo(row);
                });
                return;
            }
            OrganizationRow wanted = viewModel.selectedProperty().get();
            OrganizationRow shown = organizationTable.getSelectionModel().getSelectedItem();
            if (viewModel.isRefreshing() && wanted != null && (shown == null || !shown.id().equals(wanted.id()))) {
                viewModel.rows().stream().filter(row -> row.id().equals(wanted.id())).findFirst()
                        .ifPresent(row -> organizationTable.getSelectionModel().select(row));
            }
        });
        Tables.rowMenu(organizationTable, OrganizationRow::id)
                .copy("Copy name", "name", OrganizationRow::displayName)
                .locate(links)
                .install();
        Tables.openOnEnter(organizationTable, row -> openSelected.run());
        searchField.setOnKeyPressed(event -> {
            if (event.getCode() == javafx.scene.input.KeyCode.DOWN && !viewModel.rows().isEmpty()) {
                organizationTable.requestFocus();
                if (organizationTable.getSelectionModel().isEmpty()) {
                    organizationTable.getSelectionModel().selectFirst();
                }
                event.consume();
            }
        });
        viewModel.search();
    }

    public void focusSearch() {
        searchField.requestFocus();
        searchField.selectAll();
    }

    /** Asks for the next page when a row near the end of what is loaded comes into view. */
    private final class PagingRow extends TableRow<OrganizationRow> {
        @Override
        protected void updateItem(OrganizationRow row, boolean empty) {
            super.updateItem(row, empty);
            getStyleClass().remove("organization-row--drift");
            if (!empty && row != null) {
                if (!row.presence().isComplete()) {
                    getStyleClass().add("organization-row--drift");
                }
                if (getIndex() >= viewModel.rows().size() - PREFETCH_ROWS && viewModel.hasMoreProperty().get()) {
                    viewModel.loadMore();
                }
            }
        }
    }

    /** Presence as text and symbol (readable without colour) plus its mark (both sides is drawn green here). */
    static final class PresenceCell extends TableCell<OrganizationRow, Presence> {
        PresenceCell() {
            getStyleClass().add("presence-badge");
        }

        @Override
        protected void updateItem(Presence presence, boolean empty) {
            super.updateItem(presence, empty);
            boolean blank = empty || presence == null;
            setText(blank ? null : presence.badge());
            MarkStyle.apply(this, blank ? null : presence.mark());
        }
    }
}
