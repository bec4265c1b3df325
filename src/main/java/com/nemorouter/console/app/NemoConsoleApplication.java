package com.nemorouter.console.app;

import java.util.Map;
import java.util.Objects;

import com.nemorouter.console.about.AboutView;
import com.nemorouter.console.about.AboutViewModel;
import com.nemorouter.console.about.Versions;
import com.nemorouter.console.connection.ConnectionSettings;
import com.nemorouter.console.connection.ConnectionStrings;
import com.nemorouter.console.connection.Connector;
import com.nemorouter.console.connection.ConsoleHome;
import com.nemorouter.console.connection.FailureMessages;
import com.nemorouter.console.connection.Keychain;
import com.nemorouter.console.connection.LaunchOptions;
import com.nemorouter.console.ui.FxTaskRunner;
import com.nemorouter.console.ui.TaskRunner;
import com.nemorouter.console.ui.ViewLoader;

import javafx.application.Application;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * The composition root of the GUI: it creates the task runner, opens the connection in the
 * background, wires services into ViewModels and ViewModels into Views. Nothing else creates them.
 */
public class NemoConsoleApplication extends Application {

    private FxTaskRunner tasks;
    private FxTaskRunner controlTasks;
    private Connector.OpenConnection connection;
    private volatile boolean stopped;
    private Connector connector;
    private ConnectionSettings settings = ConnectionSettings.DEFAULT;
    private WindowState windowState;
    private Stage primaryStage;
    private ConsoleHome home;
    private BrowserAssembly browserAssembly;

    @Override
    public void start(Stage stage) {
        tasks = new FxTaskRunner();
        controlTasks = new FxTaskRunner();
        MainViewModel mainViewModel = new MainViewModel(tasks, controlTasks);
        MainView mainView = new MainView(mainViewModel);
        AboutView aboutView = new AboutView(new AboutViewModel(Versions.ofRuntime(), mainViewModel.serverInfoProperty()));
        mainView.setOnAbout(() -> aboutView.show(stage));
        Parent root = ViewLoader.load(mainView);
        Scene scene = new Scene(root);
        scene.getStylesheets().add(Objects.requireNonNull(
                NemoConsoleApplication.class.getResource("/styles/app.css")).toExternalForm());
        stage.setTitle("Nemo Console");
        stage.setScene(scene);
        primaryStage = stage;
        home = ConsoleHome.fromSystem();
        windowState = WindowState.load(home.directory().resolve("window.properties"));
        fitToScreen(stage, root);
        windowState.applyTo(stage);
        stage.show();

        connector = new Connector(home, ConnectionStrings.fromSystem(environment()),
                Keychain.fromSystem());
        mainView.setOnConnect(() -> openConnectionDialog(stage, mainView, mainViewModel, scene));
        LaunchOptions options;
        try {
            options = LaunchOptions.parse(getParameters().getRaw(), environment());
        } catch (IllegalArgumentException e) {
            mainViewModel.connectionFailed(e);
            return;
        }
        settings = options.settings();
        mainViewModel.connecting(options.usesDemo() ? "the demo database"
                : options.profile() != null ? "profile " + options.profile() : "the database");
        tasks.run("Opening the database", () -> connector.open(options),
                opened -> opened(opened, mainView, mainViewModel, scene), failure -> {
                    mainViewModel.connectionFailed(failure);
                    if (options.url() != null && FailureMessages.isLoginRefused(failure)) {
                        openConnectionDialog(stage, mainView, mainViewModel, scene).prompt(options.url(),
                                "The database refused the login.");
                    }
                });
    }

    private void opened(Connector.OpenConnection opened, MainView mainView, MainViewModel mainViewModel, Scene scene) {
        if (stopped) {
            opened.close();
            return;
        }
        connection = opened;
        mainViewModel.showProfile(opened.profile());
        if (opened.profile() != null) {
            windowState.rememberProfile(opened.profile().name());
        }
        showBrowser(ConsoleServices.wire(opened.database(), home,
                opened.profile() == null ? null : opened.profile().liteLlmVersion()), mainView, mainViewModel, scene);
    }

    /** The connection dialog; connecting closes the current connection and rebuilds the screens on the new one. */
    private ConnectionDialogViewModel openConnectionDialog(Stage owner, MainView mainView, MainViewModel mainViewModel,
                                                           Scene scene) {
        Stage dialog = new Stage();
        dialog.initOwner(owner);
        dialog.setTitle("Connect");
        ConnectionDialogViewModel viewModel = new ConnectionDialogViewModel(connector.profiles(), connector.keychain(),
                tasks, (profile, password) -> {
                    dialog.close();
                    Connector.OpenConnection previous = connection;
                    connection = null;
                    mainView.clearContent();
                    mainViewModel.connecting("profile " + profile.name());
                    tasks.run("Opening " + profile.name(), () -> {
                        if (previous != null) {
                            previous.close();
                        }
                        return connector.open(profile, password, settings);
                    }, opened -> opened(opened, mainView, mainViewModel, scene), mainViewModel::connectionFailed);
                });
        viewModel.setPreferredProfile(windowState.lastProfile());
        Scene dialogScene = new Scene(ViewLoader.load(new ConnectionDialogView(viewModel)));
        dialogScene.getStylesheets().addAll(scene.getStylesheets());
        dialog.setScene(dialogScene);
        dialog.show();
        return viewModel;
    }

    /** The preferred size, shrunk to the screen on small displays. */
    private static void fitToScreen(Stage stage, Parent root) {
        javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        stage.setWidth(Math.min(root.prefWidth(-1), screen.getWidth()));
        stage.setHeight(Math.min(root.prefHeight(-1), screen.getHeight()));
    }

    /** Separated so tests can start the real application without the user's DATABASE_URL. */
    protected Map<String, String> environment() {
        return System.getenv();
    }

    private void showBrowser(ConsoleServices services, MainView mainView, MainViewModel mainViewModel, Scene scene) {
        TaskRunner watched = new LostConnectionWatch(tasks, mainViewModel::connectionLost);
        if (browserAssembly != null) {
            browserAssembly.dispose();
        }
        BrowserAssembly browser = new BrowserAssembly(services, watched, mainViewModel, primaryStage, scene);
        browserAssembly = browser;
        mainView.showContent(browser.build());
        windowState.applyTo(browser.splitPane());
        browser.focusSearch();
    }

    @Override
    public void stop() {
        stopped = true;
        if (windowState != null) {
            windowState.captureFrom(primaryStage);
            windowState.captureFrom(primaryStage.getScene().getRoot());
            windowState.save();
        }
        if (tasks != null) {
            tasks.close();
        }
        if (controlTasks != null) {
            controlTasks.close();
        }
        if (connection != null) {
            connection.close();
        }
    }
}
