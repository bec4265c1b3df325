package com.nemorouter.console.app;

import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.StackPane;

/** The window frame: content area and status bar. */
public final class MainView {

    private final MainViewModel viewModel;

    @FXML
    private StackPane content;
    @FXML
    private Label connectionLabel;
    @FXML
    private Label serverLabel;
    @FXML
    private Label readOnlyLabel;
    @FXML
    private ToggleButton readOnlyToggle;
    @FXML
    private Label taskLabel;
    @FXML
    private Label failureLabel;
    @FXML
    private ProgressIndicator progress;
    @FXML
    private Label placeholder;

    public MainView(MainViewModel viewModel) {
        this.viewModel = viewModel;
    }

    @FXML
    private void initialize() {
        connectionLabel.textProperty().bind(viewModel.connectionProperty());
        serverLabel.textProperty().bind(viewModel.serverVersionProperty());
        readOnlyLabel.textProperty().bind(viewModel.readOnlyProperty());
        // An action handler, not a bidirectional binding: that binding holds the ViewModel only weakly,
        // and nothing else keeps the shell's ViewModel alive once the window is up.
        viewModel.readOnlySwitchProperty().subscribe(readOnlyToggle::setSelected);
        readOnlyToggle.setOnAction(event -> viewModel.readOnlySwitchProperty().set(readOnlyToggle.isSelected()));
        readOnlyToggle.disableProperty().bind(viewModel.readOnlyFixedProperty());
        taskLabel.textProperty().bind(viewModel.currentTaskProperty());
        failureLabel.textProperty().bind(viewModel.failureProperty());
        failureLabel.visibleProperty().bind(viewModel.failureProperty().isNotEmpty());
        failureLabel.managedProperty().bind(failureLabel.visibleProperty());
        progress.visibleProperty().bind(viewModel.busyProperty());
        placeholder.textProperty().bind(viewModel.failureProperty().isEmpty()
                .map(ok -> ok ? "Opening the database…" : "The console could not connect. See the message below."));
    }

    public void showContent(Node node) {
        content.getChildren().setAll(node);
    }
}
