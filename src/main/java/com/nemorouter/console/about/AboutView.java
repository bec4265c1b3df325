package com.nemorouter.console.about;

import com.nemorouter.console.ui.ViewLoader;

import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

/** Help > About: a small modal window over the main window, built once and reused. */
public final class AboutView {

    private final AboutViewModel viewModel;
    private Stage stage;

    @FXML
    private Label appVersion;
    @FXML
    private Label javaVersion;
    @FXML
    private Label javafxVersion;
    @FXML
    private Label serverVersion;

    public AboutView(AboutViewModel viewModel) {
        this.viewModel = viewModel;
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
            Parent root = ViewLoader.load(this);
            Scene scene = new Scene(root);
            scene.getStylesheets().setAll(owner.getScene().getStylesheets());
            stage = new Stage();
            stage.initOwner(owner);
            stage.initModality(Modality.WINDOW_MODAL);
            stage.setResizable(false);
            stage.setTitle("About Nemo Console");
            stage.setScene(scene);
        }
        stage.show();
        stage.toFront();
    }

    @FXML
    private void close() {
        stage.hide();
    }
}
