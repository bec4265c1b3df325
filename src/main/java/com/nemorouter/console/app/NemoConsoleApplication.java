package com.nemorouter.console.app;

import java.util.Map;
import java.util.Objects;

import com.nemorouter.console.audit.HistoryView;
import com.nemorouter.console.audit.HistoryViewModel;
import com.nemorouter.console.connection.ConsoleHome;
import com.nemorouter.console.connection.Connector;
import com.nemorouter.console.connection.LaunchOptions;
import com.nemorouter.console.member.MemberView;
import com.nemorouter.console.member.MemberViewModel;
import com.nemorouter.console.membership.MembershipEditing;
import com.nemorouter.console.membership.UserSearchService;
import com.nemorouter.console.organization.OrganizationDetailView;
import com.nemorouter.console.organization.OrganizationDetailViewModel;
import com.nemorouter.console.organization.OrganizationListView;
import com.nemorouter.console.organization.OrganizationListViewModel;
import com.nemorouter.console.ui.FxTaskRunner;
import com.nemorouter.console.ui.ViewLoader;

import javafx.application.Application;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.SplitPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.stage.Stage;

/**
 * The composition root of the GUI: it creates the task runner, opens the connection in the
 * background, wires services into ViewModels and ViewModels into Views. Nothing else creates them.
 */
public class NemoConsoleApplication extends Application {

    private FxTaskRunner tasks;
    private Connector.OpenConnection connection;
    private volatile boolean stopped;

    @Override
    public void start(Stage stage) {
        tasks = new FxTaskRunner();
        MainViewModel mainViewModel = new MainViewModel(tasks);
        MainView mainView = new MainView(mainViewModel);
        Parent root = ViewLoader.load(mainView);
        Scene scene = new Scene(root);
        scene.getStylesheets().add(Objects.requireNonNull(
                NemoConsoleApplication.class.getResource("/styles/app.css")).toExternalForm());
        stage.setTitle("Nemo Console");
        stage.setScene(scene);
        stage.show();

        LaunchOptions options;
        try {
            options = LaunchOptions.parse(getParameters().getRaw(), environment());
        } catch (IllegalArgumentException e) {
            mainViewModel.connectionFailed(e);
            return;
        }
        mainViewModel.connecting(options.usesDemo() ? "the demo database" : "the database");
        Connector connector = new Connector(ConsoleHome.fromSystem());
        tasks.run("Opening the database", () -> connector.open(options), opened -> {
            if (stopped) {
                opened.close();
                return;
            }
            connection = opened;
            showBrowser(ConsoleServices.wire(opened.database()), mainView, mainViewModel, scene);
        }, mainViewModel::connectionFailed);
    }

    /** Separated so tests can start the real application without the user's DATABASE_URL. */
    protected Map<String, String> environment() {
        return System.getenv();
    }

    private void showBrowser(ConsoleServices services, MainView mainView, MainViewModel mainViewModel, Scene scene) {
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

        SplitPane browser = new SplitPane(listNode, detailNode);
        browser.setDividerPositions(0.46);
        browser.getStyleClass().add("browser");
        mainView.showContent(browser);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN), listView::focusSearch);
        listView.focusSearch();
    }

    @Override
    public void stop() {
        stopped = true;
        if (tasks != null) {
            tasks.close();
        }
        if (connection != null) {
            connection.close();
        }
    }
}
