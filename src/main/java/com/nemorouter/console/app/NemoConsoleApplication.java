package com.nemorouter.console.app;

import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

import com.nemorouter.console.about.AboutView;
import com.nemorouter.console.about.AboutViewModel;
import com.nemorouter.console.about.Versions;
import com.nemorouter.console.connection.ConnectionSettings;
import com.nemorouter.console.connection.ConnectionStrings;
import com.nemorouter.console.audit.HistoryView;
import com.nemorouter.console.audit.HistoryViewModel;
import com.nemorouter.console.connection.ConsoleHome;
import com.nemorouter.console.connection.FailureMessages;
import com.nemorouter.console.connection.Keychain;
import com.nemorouter.console.connection.Connector;
import com.nemorouter.console.connection.LaunchOptions;
import com.nemorouter.console.integrity.AuditView;
import com.nemorouter.console.integrity.AuditViewModel;
import com.nemorouter.console.integrity.Finding;
import com.nemorouter.console.integrity.LocateView;
import com.nemorouter.console.integrity.LocateViewModel;
import com.nemorouter.console.integrity.LocatedEntity;
import com.nemorouter.console.member.MemberDetail;
import com.nemorouter.console.member.MemberView;
import com.nemorouter.console.member.MemberViewModel;
import com.nemorouter.console.organization.OrganizationDetail;
import com.nemorouter.console.membership.MembershipEditing;
import com.nemorouter.console.membership.UserSearchService;
import com.nemorouter.console.organization.OrganizationDetailView;
import com.nemorouter.console.organization.OrganizationDetailViewModel;
import com.nemorouter.console.organization.OrganizationListView;
import com.nemorouter.console.organization.OrganizationListViewModel;
import com.nemorouter.console.ui.FxTaskRunner;
import com.nemorouter.console.ui.TaskRunner;
import com.nemorouter.console.ui.ViewLoader;

import javafx.application.Application;
import javafx.collections.ListChangeListener;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.SplitPane;
import javafx.scene.control.ToolBar;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
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
        windowState = WindowState.load(ConsoleHome.fromSystem().directory().resolve("window.properties"));
        fitToScreen(stage, root);
        windowState.applyTo(stage);
        stage.show();

        connector = new Connector(ConsoleHome.fromSystem(), ConnectionStrings.fromSystem(environment()),
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
        showBrowser(ConsoleServices.wire(opened.database()), mainView, mainViewModel, scene);
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
        TaskRunner tasks = new LostConnectionWatch(this.tasks, mainViewModel::connectionLost);
        tasks.run("Reading server version", services.connection()::describe, mainViewModel::connected,
                failure -> mainViewModel.reportFailure("Could not read the server version."));

        mainViewModel.editing(services.connection());
        MemberViewModel memberViewModel = new MemberViewModel(services.members(), tasks);
        MemberView memberView = new MemberView(memberViewModel);
        Parent memberNode = ViewLoader.load(memberView);

        MembershipEditing editing = new MembershipEditing(services.membership(),
                new UserSearchService(services.database()), tasks);
        OrganizationDetailViewModel detailViewModel =
                new OrganizationDetailViewModel(services.organizations(), services.teams(), tasks, editing);
        detailViewModel.editDisabledReasonProperty().bind(mainViewModel.readOnlyReasonProperty());
        OrganizationDetailView detailView = new OrganizationDetailView(detailViewModel, memberViewModel::open);
        Parent detailNode = ViewLoader.load(detailView);
        detailView.setMemberContent(memberNode);

        HistoryViewModel organizationHistory = new HistoryViewModel(services.history(), tasks);
        HistoryViewModel teamHistory = new HistoryViewModel(services.history(), tasks);
        HistoryViewModel memberHistory = new HistoryViewModel(services.history(), tasks);
        detailView.setHistoryContent(ViewLoader.load(new HistoryView(organizationHistory)));
        detailView.setTeamHistoryContent(ViewLoader.load(new HistoryView(teamHistory)));
        memberView.setHistoryContent(ViewLoader.load(new HistoryView(memberHistory)));
        detailViewModel.detailProperty().addListener((observable, old, detail) ->
                organizationHistory.show(detail == null ? null : detail.id()));
        detailViewModel.selectedTeamProperty().addListener((observable, old, team) ->
                teamHistory.show(team == null ? null : team.id()));
        memberViewModel.detailProperty().addListener((observable, old, member) ->
                memberHistory.show(member == null ? null : member.userId()));
        detailViewModel.editsAppliedProperty().addListener((observable, old, count) -> {
            organizationHistory.reload();
            teamHistory.reload();
            memberHistory.reload();
        });

        OrganizationListViewModel listViewModel = new OrganizationListViewModel(services.organizations(), tasks);
        listViewModel.selectedProperty().addListener((observable, old, row) -> {
            if (row == null) {
                detailViewModel.clear();
            } else {
                detailViewModel.open(row.id());
            }
        });
        OrganizationListView listView = new OrganizationListView(listViewModel, detailView::focus);
        Parent listNode = ViewLoader.load(listView);

        mainViewModel.attach(services.connection(), services.database().schemaReport(), listViewModel::search);
        SplitPane browser = new SplitPane(listNode, detailNode);
        browser.setDividerPositions(0.56);
        browser.getStyleClass().add("browser");
        browser.setId("browser");
        mainView.showContent(withIntegrityTools(services, tasks, primaryStage, scene, browser, listViewModel,
                detailViewModel, detailView, memberViewModel, memberView));
        windowState.applyTo(browser);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN), listView::focusSearch);
        listView.focusSearch();
    }

    /**
     * Wires locate, key resolution and the audit (issue 4): a toolbar over the browser, Ctrl+L and
     * Ctrl+Shift+A, links that open an entity in the browser, and audit badges on the detail views.
     */
    private Parent withIntegrityTools(ConsoleServices services, TaskRunner tasks, Stage stage, Scene scene,
                                      SplitPane browser,
                                      OrganizationListViewModel listViewModel,
                                      OrganizationDetailViewModel detailViewModel, OrganizationDetailView detailView,
                                      MemberViewModel memberViewModel, MemberView memberView) {
        // An organization opens in the list and detail; a team opens its organization; a user its member tab.
        Consumer<LocatedEntity> openEntity = entity -> {
            String organization = entity.type().equals("organization") ? entity.id() : entity.organizationId();
            if (organization != null) {
                listViewModel.searchTextProperty().set(organization);
                detailViewModel.open(organization);
            }
            if (entity.type().equals("user")) {
                detailView.showMember(entity.id());
            }
            stage.toFront();
        };
        LocateView locateView = new LocateView(new LocateViewModel(services.locate(), services.keys(), tasks, openEntity));
        Stage locateStage = toolWindow(stage, "Locate an id · Resolve a key", ViewLoader.load(locateView));
        Runnable showLocate = () -> {
            locateStage.show();
            locateStage.toFront();
            locateView.focus();
        };
        AuditViewModel auditViewModel = new AuditViewModel(services.audit(), services.repairs(), tasks, openEntity);
        Stage auditStage = toolWindow(stage, "Integrity audit", ViewLoader.load(new AuditView(auditViewModel)));
        Runnable showAudit = () -> {
            auditStage.show();
            auditStage.toFront();
        };
        Runnable refreshBadges = () -> {
            OrganizationDetail organization = detailViewModel.detailProperty().get();
            detailView.showAuditBadge(organization == null ? "" : auditViewModel.badgeFor(organization.id()));
            MemberDetail member = memberViewModel.detailProperty().get();
            memberView.showAuditBadge(member == null ? "" : auditViewModel.badgeFor(member.userId()));
        };
        auditViewModel.allFindings().addListener((ListChangeListener<Finding>) change -> refreshBadges.run());
        detailViewModel.detailProperty().addListener((observable, old, detail) -> refreshBadges.run());
        memberViewModel.detailProperty().addListener((observable, old, detail) -> refreshBadges.run());

        Button locateButton = new Button("Locate / key… (Ctrl+L)");
        locateButton.setId("tool-locate");
        locateButton.setOnAction(event -> showLocate.run());
        Button auditButton = new Button("Integrity audit… (Ctrl+Shift+A)");
        auditButton.setId("tool-audit");
        auditButton.setOnAction(event -> showAudit.run());
        // Toolbar buttons have shortcuts; keeping them out of Tab order leaves first focus on the search box.
        locateButton.setFocusTraversable(false);
        auditButton.setFocusTraversable(false);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.L, KeyCombination.SHORTCUT_DOWN), showLocate);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.A, KeyCombination.SHORTCUT_DOWN,
                KeyCombination.SHIFT_DOWN), showAudit);
        BorderPane withTools = new BorderPane(browser);
        withTools.setTop(new ToolBar(locateButton, auditButton));
        return withTools;
    }

    private static Stage toolWindow(Stage owner, String title, Parent content) {
        Stage window = new Stage();
        window.initOwner(owner);
        window.setTitle(title);
        Scene scene = new Scene(content);
        scene.getStylesheets().addAll(owner.getScene().getStylesheets());
        window.setScene(scene);
        return window;
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
