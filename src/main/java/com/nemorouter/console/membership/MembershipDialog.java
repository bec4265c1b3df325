package com.nemorouter.console.membership;

import com.nemorouter.console.ui.Dialogs;
import com.nemorouter.console.ui.ViewLoader;

import javafx.beans.binding.Bindings;
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
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;

import org.controlsfx.validation.ValidationSupport;
import org.controlsfx.validation.Validator;

/** The window of one membership edit; all state and logic live in {@link MembershipDialogViewModel}. */
public final class MembershipDialog {

    /** About fourteen rows; a longer list scrolls instead of pushing the buttons off screen. */
    private static final double MAX_LIST_HEIGHT = 340;

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
    private ScrollPane consequencesList;
    @FXML
    private VBox consequenceRows;
    @FXML
    private Label currentRoleLabel;
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
        resultList.setCellFactory(list -> new UserCell(viewModel::isMember));
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
        selectedList.setCellFactory(list -> new UserCell(user -> false));
        selectedList.setOnKeyPressed(event -> {
            if (event.getCode() == KeyCode.DELETE || event.getCode() == KeyCode.BACK_SPACE) {
                viewModel.unpick(selectedList.getSelectionModel().getSelectedItem());
            }
        });
        roleChoice.setItems(viewModel.roles());
        roleChoice.valueProperty().bindBidirectional(viewModel.roleProperty());
        currentRoleLabel.setText(viewModel.currentRoleText());
        if (viewModel.needsRole()) {
            ValidationSupport validation = new ValidationSupport();
            validation.registerValidator(roleChoice, Validator.createEmptyValidator("Choose a role"));
        }
        includeTeamsBox.selectedProperty().bindBidirectional(viewModel.includeTeamsProperty());
        addToOrganizationBox.selectedProperty().bindBidirectional(viewModel.addToOrganizationProperty());
        show(addToOrganizationBox, false);
        viewModel.addToOrganizationOfferedProperty().addListener((observable, old, offered) ->
                show(addToOrganizationBox, offered));
        consequencesLabel.textProperty().bind(viewModel.consequencesProperty());
        consequencesLabel.visibleProperty().bind(viewModel.consequencesProperty().isNotEmpty());
        consequencesLabel.managedProperty().bind(consequencesLabel.visibleProperty());
        // Every changed row is listed, wrapped rather than cut; the list is as tall as its rows up to
        // MAX_LIST_HEIGHT, and scrolls only beyond that.
        // The viewport is as tall as the rows as laid out (wrapped at the dialog's width), up to the cap.
        consequencesList.prefViewportHeightProperty().bind(consequenceRows.heightProperty()
                .map(height -> Math.min(height.doubleValue(), MAX_LIST_HEIGHT)));
        consequencesList.setMinHeight(Region.USE_PREF_SIZE);
        consequencesList.visibleProperty().bind(Bindings.isNotEmpty(viewModel.consequenceLines()));
        consequencesList.managedProperty().bind(consequencesList.visibleProperty());
        viewModel.consequenceLines().addListener((javafx.collections.ListChangeListener<String>) change -> {
            consequenceRows.getChildren().setAll(viewModel.consequenceLines().stream().map(line -> {
                Label row = new Label("• " + line);
                row.setWrapText(true);
                row.setMinHeight(Region.USE_PREF_SIZE);
                row.getStyleClass().add("confirm-list__row");
                return row;
            }).toList());
        });
        // Once the rows are laid out (wrapped lines known), the window grows to show them and the buttons.
        consequenceRows.heightProperty().addListener((observable, old, height) -> {
            if (stage != null && stage.isShowing()) {
                // Next pulse: the scroll pane has taken its new height by then.
                javafx.animation.PauseTransition settle = new javafx.animation.PauseTransition(javafx.util.Duration.millis(1));
                settle.setOnFinished(event -> stage.sizeToScene());
                settle.play();
            }
        });
        errorLabel.textProperty().bind(viewModel.errorProperty());
        errorLabel.visibleProperty().bind(viewModel.errorProperty().isNotEmpty());
        errorLabel.managedProperty().bind(errorLabel.visibleProperty());
        applyButton.disableProperty().bind(viewModel.workingProperty());
        applyButton.textProperty().bind(viewModel.applyLabelProperty());
        // A destructive confirmation is never what Enter does by accident.
        applyButton.setDefaultButton(!viewModel.destructive());
        if (viewModel.destructive()) {
            applyButton.getStyleClass().add("danger");
        }
        viewModel.finishedProperty().addListener((observable, old, finished) -> {
            if (finished && stage != null) {
                stage.close();
            }
        });
    }

    /** Opens the dialog over {@code owner}; a removal starts by listing what it will change. */
    public void show(Window owner) {
        // The add dialog (a search, its results and the users picked) remembers its own size: a role change or
        // removal is a few lines tall, and its size would squeeze the add dialog's lists to nothing.
        String sizeKey = viewModel.picksUsers() ? "membership-add" : "membership";
        stage = dialogs.modal(owner, sizeKey, viewModel.title(), ViewLoader.load(this));
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

    /** A user; one already in the target says so, so the picker shows current membership. */
    private static final class UserCell extends ListCell<UserChoice> {
        private final java.util.function.Predicate<UserChoice> member;

        UserCell(java.util.function.Predicate<UserChoice> member) {
            this.member = member;
        }

        @Override
        protected void updateItem(UserChoice user, boolean empty) {
            super.updateItem(user, empty);
            setText(empty || user == null ? null : (member.test(user) ? "✔ already a member · " : "") + user.label());
        }
    }
}
