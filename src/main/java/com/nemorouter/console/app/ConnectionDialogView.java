package com.nemorouter.console.app;

import com.nemorouter.console.connection.ConnectionProfile;

import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ColorPicker;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.paint.Color;

import org.controlsfx.validation.ValidationResult;
import org.controlsfx.validation.ValidationSupport;

/** Profiles on the left, the selected profile's fields on the right; Save, Delete, Connect. */
public final class ConnectionDialogView {

    private final ConnectionDialogViewModel viewModel;

    @FXML
    private ListView<ConnectionProfile> profileList;
    @FXML
    private TextField nameField;
    @FXML
    private TextField connectionStringField;
    @FXML
    private TextField userField;
    @FXML
    private PasswordField passwordField;
    @FXML
    private CheckBox rememberBox;
    @FXML
    private Label keychainLabel;
    @FXML
    private CheckBox readOnlyBox;
    @FXML
    private TextField labelField;
    @FXML
    private ColorPicker colourPicker;
    @FXML
    private TextField schemasField;
    @FXML
    private TextField auditAsField;
    @FXML
    private TextField liteLlmVersionField;
    @FXML
    private Label messageLabel;
    @FXML
    private ComboBox<String> recentBox;
    @FXML
    private Button testButton;
    @FXML
    private Button connectButton;
    @FXML
    private Button demoButton;
    private final ValidationSupport validation = new ValidationSupport();

    public ConnectionDialogView(ConnectionDialogViewModel viewModel) {
        this.viewModel = viewModel;
    }

    @FXML
    private void initialize() {
        profileList.setItems(viewModel.profiles());
        profileList.setCellFactory(list -> new javafx.scene.control.ListCell<>() {
            @Override
            protected void updateItem(ConnectionProfile profile, boolean empty) {
                super.updateItem(profile, empty);
                setText(empty || profile == null ? null
                        : profile.name() + (profile.label().isEmpty() ? "" : "  [" + profile.label() + "]"));
            }
        });
        profileList.getSelectionModel().selectedItemProperty()
                .addListener((observable, old, profile) -> viewModel.select(profile));
        nameField.textProperty().bindBidirectional(viewModel.nameProperty());
        connectionStringField.textProperty().bindBidirectional(viewModel.connectionStringProperty());
        userField.textProperty().bindBidirectional(viewModel.userProperty());
        passwordField.textProperty().bindBidirectional(viewModel.passwordProperty());
        rememberBox.selectedProperty().bindBidirectional(viewModel.rememberProperty());
        rememberBox.setDisable(!viewModel.keychainAvailable());
        keychainLabel.setText(viewModel.keychainNote());
        readOnlyBox.selectedProperty().bindBidirectional(viewModel.readOnlyProperty());
        labelField.textProperty().bindBidirectional(viewModel.labelProperty());
        schemasField.textProperty().bindBidirectional(viewModel.schemasProperty());
        auditAsField.textProperty().bindBidirectional(viewModel.auditAsProperty());
        liteLlmVersionField.textProperty().bindBidirectional(viewModel.liteLlmVersionProperty());
        colourPicker.setValue(Color.web(viewModel.colourProperty().get()));
        colourPicker.valueProperty().addListener((observable, old, colour) -> viewModel.colourProperty().set(hex(colour)));
        viewModel.colourProperty().addListener((observable, old, colour) -> {
            if (!hex(colourPicker.getValue()).equalsIgnoreCase(colour)) {
                colourPicker.setValue(Color.web(colour));
            }
        });
        messageLabel.textProperty().bind(viewModel.messageProperty());
        // Inline: an unusable string is marked as it is typed, and nothing can connect with it.
        validation.registerValidator(connectionStringField, false, (control, value) -> ValidationResult.fromErrorIf(
                control, viewModel.connectionStringProblemProperty().get(),
                !viewModel.connectionStringProblemProperty().get().isEmpty()));
        viewModel.connectionStringProblemProperty().addListener((observable, old, problem) -> validation.revalidate());
        connectButton.disableProperty().bind(viewModel.connectionStringProblemProperty().isNotEmpty()
                .or(viewModel.connectingProperty()));
        testButton.disableProperty().bind(connectButton.disableProperty());
        demoButton.disableProperty().bind(viewModel.connectingProperty());
        connectionStringField.focusedProperty().addListener((observable, was, focused) -> {
            if (!focused) {
                viewModel.takePasswordFromString();
            }
        });
        recentBox.setItems(viewModel.recent());
        recentBox.setOnAction(event -> {
            if (recentBox.getValue() != null) {
                viewModel.chooseRecent(recentBox.getValue());
            }
        });
        viewModel.preselectedProperty().addListener((observable, old, profile) ->
                profileList.getSelectionModel().select(profile));
        viewModel.load();
    }

    private static String hex(Color colour) {
        return String.format("#%02x%02x%02x", Math.round(colour.getRed() * 255), Math.round(colour.getGreen() * 255),
                Math.round(colour.getBlue() * 255));
    }

    @FXML
    private void newProfile() {
        profileList.getSelectionModel().clearSelection();
        viewModel.clear();
    }

    @FXML
    private void save() {
        viewModel.save();
    }

    @FXML
    private void delete() {
        viewModel.delete();
    }

    @FXML
    private void connect() {
        viewModel.connect();
    }

    @FXML
    private void test() {
        viewModel.test();
    }

    @FXML
    private void cancel() {
        viewModel.cancel();
    }

    @FXML
    private void connectDemo() {
        viewModel.connectDemo();
    }
}
