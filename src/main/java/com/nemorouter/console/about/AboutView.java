package com.nemorouter.console.about;

import com.nemorouter.console.ui.Dialogs;
import com.nemorouter.console.ui.ViewLoader;

import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import javafx.stage.Window;

/** Help > About: a small modal window over the main window, built once and reused. */
public final class AboutView {

    private final AboutViewModel viewModel;
    private final Dialogs dialogs;
    private Stage stage;

    @FXML
    private Label appVersion;
    @FXML
    private Label javaVersion;
    @FXML
    private Label javafxVersion;
    @FXML
    private Label serverVersion;

    public AboutView(AboutViewModel viewModel, Dialogs dialogs) {
        this.viewModel = viewModel;
        this.dialogs = dialogs;
    }

    @FXML
    private void initialize() {
        appVersion.setText(viewModel.appVersion());
        javaVersion.setText(viewModel.javaVersion());
        javafxVersion.setText(viewModel.javafxVersion());
        serverVersion.textProperty().bind(viewModel.serverProperty());
    }

    public void show(Window owner) {
        if (stage == null) {
            stage = dialogs.modal(owner, "about", "About Nemo Console", ViewLoader.load(this));
            stage.setResizable(false);
        }
        dialogs.bringUp(stage);
    }

    @FXML
    private void close() {
        stage.hide();
    }
}
