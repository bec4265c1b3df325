package com.nemorouter.console.app;

import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.HBox;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.StackPane;

/** The window frame: menu bar, banners (lost connection, schema), content area and status bar with Cancel. */
public final class MainView {

    private final MainViewModel viewModel;
    private Runnable onAbout = () -> { };

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
    @FXML
    private Label tlsLabel;
    @FXML
    private Button cancelButton;
    @FXML
    private HBox lostBanner;
    @FXML
    private Label lostLabel;
    @FXML
    private Label schemaBanner;
    @FXML
    private Label profileBanner;
    private Runnable onConnect = () -> { };

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
        tlsLabel.textProperty().bind(viewModel.tlsProperty().map(text -> text.isEmpty() ? "" : "TLS: " + text));
        viewModel.encryptedProperty().addListener((observable, was, is) -> styleTls());
        viewModel.verifiedProperty().addListener((observable, was, is) -> styleTls());
        cancelButton.visibleProperty().bind(viewModel.busyProperty());
        cancelButton.managedProperty().bind(cancelButton.visibleProperty());
        lostBanner.visibleProperty().bind(viewModel.connectionLostProperty());
        lostBanner.managedProperty().bind(lostBanner.visibleProperty());
        lostLabel.textProperty().bind(viewModel.lostMessageProperty());
        schemaBanner.textProperty().bind(viewModel.schemaWarningProperty());
        schemaBanner.visibleProperty().bind(viewModel.schemaWarningProperty().isNotEmpty());
        schemaBanner.managedProperty().bind(schemaBanner.visibleProperty());
        profileBanner.textProperty().bind(viewModel.bannerTextProperty());
        profileBanner.visibleProperty().bind(viewModel.bannerTextProperty().isNotEmpty());
        profileBanner.managedProperty().bind(profileBanner.visibleProperty());
        profileBanner.styleProperty().bind(viewModel.bannerColourProperty().map(colour -> "-fx-background-color: " + colour + ";"));
        placeholder.textProperty().bind(viewModel.failureProperty().isEmpty()
                .map(ok -> ok ? "Opening the database…" : "The console could not connect. See the message below."));
    }

    /** What Help > About does; the composition root owns the About view. */
    public void setOnAbout(Runnable onAbout) {
        this.onAbout = onAbout;
    }

    @FXML
    private void showAbout() {
        onAbout.run();
    }

    private void styleTls() {
        tlsLabel.getStyleClass().removeAll("status-bar__tls--verified", "status-bar__tls--unverified",
                "status-bar__tls--plain");
        tlsLabel.getStyleClass().add(viewModel.verifiedProperty().get() ? "status-bar__tls--verified"
                : viewModel.encryptedProperty().get() ? "status-bar__tls--unverified" : "status-bar__tls--plain");
    }

    /** What the status bar's "Connect…" button does: the composition root opens the connection dialog. */
    public void setOnConnect(Runnable action) {
        this.onConnect = action;
    }

    @FXML
    private void connect() {
        onConnect.run();
    }

    @FXML
    private void retry() {
        viewModel.retry();
    }

    @FXML
    private void cancel() {
        viewModel.cancelRunning();
    }

    /** Back to the "Opening the database…" placeholder while another connection opens. */
    public void clearContent() {
        content.getChildren().setAll(placeholder);
    }

    public void showContent(Node node) {
        content.getChildren().setAll(node);
    }
}
