package com.nemorouter.console.membership;

import com.nemorouter.console.ui.Dialogs;
import com.nemorouter.console.ui.ViewLoader;

import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;

/** The window of one membership edit; all state and logic live in {@link MembershipDialogViewModel}. */
public final class MembershipDialog {

    private final MembershipDialogViewModel viewModel;
    private final Dialogs dialogs;
    private Stage stage;

    @FXML
    private Label titleLabel;
    @FXML
    private VBox pickerBox;
    @FXML
    private TextField searchField;
    @FXML
    private ListView<UserChoice> resultList;
    @FXML
    private ListView<UserChoice> selectedList;
    @FXML
    private VBox roleBox;
    @FXML
    private ComboBox<String> roleChoice;
    @FXML
    private CheckBox includeTeamsBox;
    @FXML
    private CheckBox addToOrganizationBox;
    @FXML
    private Label consequencesLabel;
    @FXML
    private Label errorLabel;
    @FXML
    private Button applyButton;

    public MembershipDialog(MembershipDialogViewModel viewModel, Dialogs dialogs) {
        this.viewModel = viewModel;
        this.dialogs = dialogs;
    }

    @FXML
    private void initialize() {
        titleLabel.setText(viewModel.title());
        show(pickerBox, viewModel.picksUsers());
        show(roleBox, viewModel.needsRole());
        show(includeTeamsBox, viewModel.offersIncludeTeams());
        searchField.textProperty().bindBidirectional(viewModel.queryProperty());
        resultList.setItems(viewModel.results());
        resultList.setCellFactory(list -> new UserCell());
        resultList.setOnMouseClicked(event -> {
            if (event.getButton() == MouseButton.PRIMARY && event.getClickCount() == 2) {
                viewModel.pick(resultList.getSelectionModel().getSelectedItem());
            }
        });
        resultList.setOnKeyPressed(event -> {
            if (event.getCode() == KeyCode.ENTER) {
                viewModel.pick(resultList.getSelectionModel().getSelectedItem());
            }
        });
        searchField.setOnKeyPressed(event -> {
            if (event.getCode() == KeyCode.DOWN && !viewModel.results().isEmpty()) {
                resultList.requestFocus();
                resultList.getSelectionModel().selectFirst();
            }
        });
        selectedList.setItems(viewModel.selected());
        selectedList.setCellFactory(list -> new UserCell());
        selectedList.setOnKeyPressed(event -> {
            if (event.getCode() == KeyCode.DELETE || event.getCode() == KeyCode.BACK_SPACE) {
                viewModel.unpick(selectedList.getSelectionModel().getSelectedItem());
            }
        });
        roleChoice.setItems(viewModel.roles());
        roleChoice.valueProperty().bindBidirectional(viewModel.roleProperty());
        includeTeamsBox.selectedProperty().bindBidirectional(viewModel.includeTeamsProperty());
        addToOrganizationBox.selectedProperty().bindBidirectional(viewModel.addToOrganizationProperty());
        show(addToOrganizationBox, false);
        viewModel.addToOrganizationOfferedProperty().addListener((observable, old, offered) ->
                show(addToOrganizationBox, offered));
        consequencesLabel.textProperty().bind(viewModel.consequencesProperty());
        consequencesLabel.visibleProperty().bind(viewModel.consequencesProperty().isNotEmpty());
        consequencesLabel.managedProperty().bind(consequencesLabel.visibleProperty());
        errorLabel.textProperty().bind(viewModel.errorProperty());
        errorLabel.visibleProperty().bind(viewModel.errorProperty().isNotEmpty());
        errorLabel.managedProperty().bind(errorLabel.visibleProperty());
        applyButton.disableProperty().bind(viewModel.workingProperty());
        viewModel.finishedProperty().addListener((observable, old, finished) -> {
            if (finished && stage != null) {
                stage.close();
            }
        });
    }

    /** Opens the dialog over {@code owner}; a removal starts by listing what it will change. */
    public void show(Window owner) {
        stage = dialogs.modal(owner, "membership", viewModel.title(), ViewLoader.load(this));
        dialogs.bringUp(stage);
        viewModel.preview();
        if (viewModel.picksUsers()) {
            searchField.requestFocus();
        }
    }

    @FXML
    private void pickSelected() {
        viewModel.pick(resultList.getSelectionModel().getSelectedItem());
    }

    @FXML
    private void unpickSelected() {
        viewModel.unpick(selectedList.getSelectionModel().getSelectedItem());
    }

    @FXML
    private void apply() {
        viewModel.apply();
    }

    @FXML
    private void cancel() {
        stage.close();
    }

    private static void show(javafx.scene.Node node, boolean visible) {
        node.setVisible(visible);
        node.setManaged(visible);
    }

    private static final class UserCell extends ListCell<UserChoice> {
        @Override
        protected void updateItem(UserChoice user, boolean empty) {
            super.updateItem(user, empty);
            setText(empty || user == null ? null : user.label());
        }
    }
}
