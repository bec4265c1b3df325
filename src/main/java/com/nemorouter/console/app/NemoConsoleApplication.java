package com.nemorouter.console.app;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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
import com.nemorouter.console.ui.Appearance;
import com.nemorouter.console.ui.Dialogs;
import com.nemorouter.console.ui.FxTaskRunner;
import com.nemorouter.console.ui.TaskRunner;
import com.nemorouter.console.ui.Theme;
import com.nemorouter.console.ui.ViewLoader;
import com.nemorouter.console.wiring.ConsoleServices;

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
    private Connector.OpenConnection connection;
    private volatile boolean stopped;
    private Connector connector;
    private ConnectionSettings settings = ConnectionSettings.DEFAULT;
    private WindowState windowState;
    private Stage primaryStage;
    private ConsoleHome home;
    private BrowserAssembly browserAssembly;
    private Dialogs dialogs;
    private ConnectionStrings connectionStrings;

    private static final org.slf4j.Logger STARTUP = org.slf4j.LoggerFactory.getLogger("com.nemorouter.console.startup");
    private final long launched = System.nanoTime();
    private boolean listShownOnce;

    @Override
    public void start(Stage stage) {
        tasks = new FxTaskRunner();
        home = ConsoleHome.fromSystem();
        windowState = WindowState.load(home.directory().resolve("window.properties"));
        List<String> arguments = new ArrayList<>(getParameters().getRaw());
        Theme chosenTheme;
        String themeProblem = null;
        try {
            chosenTheme = takeTheme(arguments);
        } catch (IllegalArgumentException e) {
            chosenTheme = null;
            themeProblem = e.getMessage();
        }
        connectionStrings = ConnectionStrings.fromSystem(environment());
        connector = new Connector(home, connectionStrings, Keychain.fromSystem());
        LaunchOptions options = null;
        IllegalArgumentException optionProblem = themeProblem == null ? null : new IllegalArgumentException(themeProblem);
        if (optionProblem == null) {
            try {
                options = LaunchOptions.parse(arguments, environment());
            } catch (IllegalArgumentException e) {
                optionProblem = e;
            }
        }
        LaunchOptions launchOptions = options;
        MainViewModel mainViewModel = new MainViewModel(tasks);
        MainView mainView = new MainView(mainViewModel);
        if (launchOptions != null) {
            // The database (the embedded demo server and the pool) opens now on the task runner, while this
            // thread builds and shows the window: about a second of FXML, CSS and first layout that the
            // connection does not wait for. The answer arrives on this thread after start() returns, so the
            // window exists by then.
            settings = launchOptions.settings();
            tasks.run("Opening the database", () -> connector.open(launchOptions),
                    opened -> opened(opened, mainView, mainViewModel, stage.getScene()), failure -> {
                mainViewModel.connectionFailed(failure);
                if (launchOptions.url() != null && FailureMessages.isLoginRefused(failure)) {
                    openConnectionDialog(stage, mainView, mainViewModel, stage.getScene()).prompt(launchOptions.url(),
                            "The database refused the login.");
                }
            });
        }
        Theme theme = chosenTheme != null ? chosenTheme : windowState.theme() != null ? windowState.theme() : Theme.LIGHT;
        Appearance appearance = new Appearance(theme);
        appearance.themeProperty().addListener((observable, old, now) -> {
            windowState.rememberTheme(now);
            windowState.save();
        });
        dialogs = new Dialogs(appearance, windowState);

        AboutView aboutView = new AboutView(new AboutViewModel(Versions.ofRuntime(), mainViewModel.serverInfoProperty()),
                dialogs);
        mainView.setOnAbout(() -> aboutView.show(stage));
        mainView.setOnQuit(stage::close);
        Parent root = ViewLoader.load(mainView);
        mainView.bindTheme(appearance.themeProperty());
        Scene scene = new Scene(root);
        appearance.style(scene);
        stage.setTitle("Nemo Console");
        stage.setScene(scene);
        primaryStage = stage;
        fitToScreen(stage, root);
        windowState.applyTo(stage);
        stage.show();
        STARTUP.info("Window shown {} ms after launch", (System.nanoTime() - launched) / 1_000_000);

        mainView.setOnConnect(() -> openConnectionDialog(stage, mainView, mainViewModel, scene));
        if (optionProblem != null) {
            mainViewModel.connectionFailed(optionProblem);
            return;
        }
        mainViewModel.connecting(launchOptions.usesDemo() ? "the demo database"
                : launchOptions.profile() != null ? "profile " + launchOptions.profile() : "the database");
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
        showBrowser(ConsoleServices.wire(opened, home), mainView, mainViewModel, scene);
        // The list reads over plain JDBC, so it shows while Hibernate starts beside it (about 1.5 s of CPU) for
        // the screens an organization opens; a failure to start is logged here and shows on the first of those reads.
        tasks.run("Preparing the organization screens", () -> {
            opened.startHibernate();
            return opened;
        }, started -> STARTUP.info("Organization screens ready {} ms after launch",
                (System.nanoTime() - launched) / 1_000_000), failure -> STARTUP.warn("{}; the organization screens "
                + "will try again when one opens", FailureMessages.describe("Preparing the organization screens", failure)));
    }

    /** {@code --theme light|dark} is the window's own option: taken out before the connection options. */
    static Theme takeTheme(List<String> arguments) {
        Theme theme = null;
        for (int i = 0; i < arguments.size(); i++) {
            String argument = arguments.get(i);
            if (argument.equals("--theme")) {
                if (i + 1 >= arguments.size()) {
                    throw new IllegalArgumentException("--theme needs light or dark.");
                }
                theme = Theme.parse(arguments.get(i + 1));
                arguments.subList(i, i + 2).clear();
                i--;
            } else if (argument.startsWith("--theme=")) {
                theme = Theme.parse(argument.substring("--theme=".length()));
                arguments.remove(i--);
            }
        }
        return theme;
    }

    /**
     * The connection dialog. The new connection opens while the current one keeps working; only when it
     * is open does it replace the current one. A failure is shown in the dialog (which stays open) and the
     * status bar, and leaves the current connection as it was; closing the dialog abandons the attempt.
     */
    private ConnectionDialogViewModel openConnectionDialog(Stage owner, MainView mainView, MainViewModel mainViewModel,
                                                           Scene scene) {
        Stage[] dialog = new Stage[1];
        ConnectionDialogViewModel[] holder = new ConnectionDialogViewModel[1];
        ConnectionDialogViewModel viewModel = new ConnectionDialogViewModel(connector.profiles(), connector.keychain(),
                tasks, (profile, password) -> attempt(holder[0], dialog[0], "profile " + profile.name(),
                        () -> connector.open(profile, password, settings), mainView, mainViewModel, scene));
        holder[0] = viewModel;
        viewModel.setConnectionStringCheck(text -> {
            try {
                connectionStrings.resolve(text);
                return null;
            } catch (IllegalArgumentException e) {
                return e.getMessage();
            }
        });
        viewModel.setOnDemo(() -> attempt(viewModel, dialog[0], "the demo database",
                () -> connector.open(LaunchOptions.parse(List.of(), Map.of())), mainView, mainViewModel, scene));
        viewModel.setOnTest((profile, password) -> tasks.run("Testing " + profile.name(), () -> {
            try (Connector.OpenConnection trial = connector.open(profile, password, settings)) {
                return ConsoleServices.wire(trial, home).connection().describe();
            }
        }, info -> viewModel.tested("The connection works: " + info.target() + ", " + info.serverVersion()
                + ", role " + info.databaseRole() + ", TLS: " + info.tlsDescription() + "."),
                failure -> viewModel.tested(FailureMessages.describe("Testing", failure))));
        viewModel.recent().setAll(windowState.recentProfiles());
        viewModel.setPreferredProfile(windowState.lastProfile());
        dialog[0] = dialogs.modal(owner, "connect", "Connect", ViewLoader.load(new ConnectionDialogView(viewModel)));
        dialog[0].setOnHiding(event -> viewModel.abandonAttempt());
        viewModel.setOnCancel(dialog[0]::close);
        dialogs.bringUp(dialog[0]);
        return viewModel;
    }

    /** One connection attempt from the dialog: replaces the current connection only once it is open. */
    private void attempt(ConnectionDialogViewModel model, Stage dialog, String what,
                         java.util.function.Supplier<Connector.OpenConnection> open, MainView mainView,
                         MainViewModel mainViewModel, Scene scene) {
        long attempt = model.attemptStarted();
        boolean live = connection != null;
        if (!live) {
            mainView.clearContent();
            mainViewModel.connecting(what);
        }
        tasks.run("Opening " + what, open::get, opened -> {
            if (!model.attemptStillWanted(attempt)) {
                opened.close(); // the dialog was closed or another attempt began: keep what we have
                return;
            }
            model.attemptSucceeded();
            dialog.close();
            Connector.OpenConnection previous = connection;
            opened(opened, mainView, mainViewModel, scene);
            if (previous != null) {
                tasks.run("Closing the previous connection", () -> {
                    previous.close();
                    return null;
                }, ignored -> { }, failure -> { });
            }
        }, failure -> {
            if (!model.attemptStillWanted(attempt)) {
                return;
            }
            model.attemptFailed(failure);
            if (live) {
                mainViewModel.switchFailed(what, failure);
            } else {
                mainViewModel.connectionFailed(failure);
            }
        });
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
        BrowserAssembly browser = new BrowserAssembly(services, watched, mainViewModel, primaryStage, dialogs);
        browser.setOnListShown(() -> {
            if (!listShownOnce) {
                listShownOnce = true;
                STARTUP.info("Organization list usable {} ms after launch", (System.nanoTime() - launched) / 1_000_000);
            }
        });
        browserAssembly = browser;
        mainView.showContent(browser.build());
        windowState.applyTo(browser.splitPane());
        mainView.setBrowserActions(browser::focusSearch, browser::showLocate, browser::showAudit);
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
        if (connection != null) {
            connection.close();
        }
    }
}
