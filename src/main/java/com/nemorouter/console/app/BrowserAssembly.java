package com.nemorouter.console.app;

import java.util.function.Consumer;

import com.nemorouter.console.audit.HistoryView;
import com.nemorouter.console.audit.HistoryViewModel;
import com.nemorouter.console.integrity.AuditView;
import com.nemorouter.console.integrity.AuditViewModel;
import com.nemorouter.console.integrity.Finding;
import com.nemorouter.console.diagnosis.KeyDiagnosisView;
import com.nemorouter.console.diagnosis.KeyDiagnosisViewModel;
import com.nemorouter.console.integrity.LocateView;
import com.nemorouter.console.spend.SpendView;
import com.nemorouter.console.spend.SpendViewModel;
import com.nemorouter.console.integrity.LocateViewModel;
import com.nemorouter.console.integrity.LocatedEntity;
import com.nemorouter.console.member.MemberDetail;
import com.nemorouter.console.member.MemberView;
import com.nemorouter.console.member.MemberViewModel;
import com.nemorouter.console.membership.MembershipEditing;
import com.nemorouter.console.organization.OrganizationDetail;
import com.nemorouter.console.organization.OrganizationDetailView;
import com.nemorouter.console.organization.OrganizationDetailViewModel;
import com.nemorouter.console.organization.OrganizationListView;
import com.nemorouter.console.organization.OrganizationListViewModel;
import com.nemorouter.console.ui.Dialogs;
import com.nemorouter.console.ui.Icons;
import com.nemorouter.console.ui.IdLinks;
import com.nemorouter.console.ui.TaskRunner;
import com.nemorouter.console.ui.ViewLoader;
import com.nemorouter.console.wiring.ConsoleServices;

import javafx.collections.ListChangeListener;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.SplitPane;
import javafx.scene.control.ToolBar;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;

import org.kordamp.ikonli.materialdesign2.MaterialDesignD;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;

/**
 * Wires the browser of one connection: organization list and detail, member view, history, membership
 * editing, and the integrity tools (locate, audit, repairs) with their shortcuts. Built again for every
 * connection, so nothing in it outlives the services it was given.
 */
final class BrowserAssembly {

    private final ConsoleServices services;
    private final TaskRunner tasks;
    private final MainViewModel mainViewModel;
    private final Stage stage;
    private final Dialogs dialogs;
    private SplitPane browser;
    private Stage locateStage;
    private Stage auditStage;
    private Runnable focusSearch = () -> { };
    private Runnable showLocate = () -> { };
    private Runnable showAudit = () -> { };
    /** Context-menu links ("Open in Locate", "Open organization"), pointed at their targets once they exist. */
    private final IdLinks links = new IdLinks();
    private Runnable onListShown = () -> { };

    BrowserAssembly(ConsoleServices services, TaskRunner tasks, MainViewModel mainViewModel, Stage stage,
                    Dialogs dialogs) {
        this.services = services;
        this.tasks = tasks;
        this.mainViewModel = mainViewModel;
        this.stage = stage;
        this.dialogs = dialogs;
    }

    /** Builds the screens; returns the browser with its toolbar. The menu bar carries the shortcuts. */
    Parent build() {
        tasks.run("Reading server version", services.connection()::describe, mainViewModel::connected,
                failure -> mainViewModel.reportFailure("Could not read the server version."));

        MemberViewModel memberViewModel = new MemberViewModel(services.members(), tasks);
        MemberView memberView = new MemberView(memberViewModel, links);
        Parent memberNode = ViewLoader.load(memberView);

        MembershipEditing editing = new MembershipEditing(services.membership(),
                services.userSearch(), tasks);
        OrganizationDetailViewModel detailViewModel =
                new OrganizationDetailViewModel(services.organizations(), services.teams(), tasks, editing);
        detailViewModel.editDisabledReasonProperty().bind(mainViewModel.readOnlyReasonProperty());
        OrganizationDetailView detailView = new OrganizationDetailView(detailViewModel, memberViewModel::open, dialogs,
                links);
        Parent detailNode = ViewLoader.load(detailView);
        detailView.setMemberContent(memberNode);

        HistoryViewModel organizationHistory = new HistoryViewModel(services.history(), tasks);
        HistoryViewModel teamHistory = new HistoryViewModel(services.history(), tasks);
        HistoryViewModel memberHistory = new HistoryViewModel(services.history(), tasks);
        detailView.setHistoryContent(ViewLoader.load(new HistoryView(organizationHistory, dialogs)));
        SpendViewModel spendViewModel = new SpendViewModel(services.spend(), tasks);
        detailView.setSpendContent(ViewLoader.load(new SpendView(spendViewModel)));
        spendViewModel.shownProperty().bind(detailView.spendShownProperty());
        detailViewModel.detailProperty().addListener((observable, old, detail) ->
                spendViewModel.open(detail == null ? null : detail.id()));
        detailView.setTeamHistoryContent(ViewLoader.load(new HistoryView(teamHistory, dialogs)));
        SpendViewModel teamSpend = new SpendViewModel(services.spend()::team, tasks);
        detailView.setTeamSpendContent(ViewLoader.load(new SpendView(teamSpend)));
        teamSpend.shownProperty().bind(detailView.teamSpendShownProperty());
        detailViewModel.selectedTeamProperty().addListener((observable, old, team) ->
                teamSpend.open(team == null ? null : team.id()));
        SpendViewModel memberSpend = new SpendViewModel(services.spend()::member, tasks);
        memberView.setSpendContent(ViewLoader.load(new SpendView(memberSpend)));
        memberViewModel.detailProperty().addListener((observable, old, member) ->
                memberSpend.open(member == null ? null : member.userId()));
        memberView.setHistoryContent(ViewLoader.load(new HistoryView(memberHistory, dialogs)));
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
            } else if (old == null || !old.id().equals(row.id())) {
                // The same organization with fresh counts (a refresh) keeps its detail and notice.
                detailViewModel.open(row.id());
            }
        });
        // After an edit every view showing the changed data re-reads it: list counts and presence, the member.
        detailViewModel.editsAppliedProperty().addListener((observable, old, count) -> {
            listViewModel.refresh();
            memberViewModel.reload();
        });
        OrganizationListView listView = new OrganizationListView(listViewModel, detailView::focus, links);
        Parent listNode = ViewLoader.load(listView);

        mainViewModel.attach(services.connection(), services.schemaReport(), listViewModel::search);
        listViewModel.rows().addListener(new ListChangeListener<>() {
            @Override
            public void onChanged(Change<? extends com.nemorouter.console.organization.OrganizationRow> change) {
                if (!listViewModel.rows().isEmpty()) {
                    listViewModel.rows().removeListener(this);
                    onListShown.run();
                }
            }
        });
        browser = new SplitPane(listNode, detailNode);
        browser.setDividerPositions(0.56);
        browser.getStyleClass().add("browser");
        browser.setId("browser");
        focusSearch = listView::focusSearch;
        return withIntegrityTools(browser, listViewModel, detailViewModel, detailView, memberViewModel, memberView);
    }

    /** Runs once, when the organization list first has rows (start-up is measured to there). */
    void setOnListShown(Runnable onListShown) {
        this.onListShown = onListShown;
    }

    /** The list/detail split, whose divider position the window remembers. */
    SplitPane splitPane() {
        return browser;
    }

    void focusSearch() {
        focusSearch.run();
    }

    /** Tools → Locate (Ctrl+L). */
    void showLocate() {
        showLocate.run();
    }

    /** Tools → Integrity audit (Ctrl+Shift+A). */
    void showAudit() {
        showAudit.run();
    }

    /** Closes the tool windows: they belong to this connection's services, which are about to close. */
    void dispose() {
        for (Stage window : new Stage[] {locateStage, auditStage}) {
            if (window != null) {
                window.close();
            }
        }
    }

    /**
     * Wires locate, key resolution and the audit (issue 4): a toolbar over the browser, Ctrl+L and
     * Ctrl+Shift+A, links that open an entity in the browser, and audit badges on the detail views.
     */
    private Parent withIntegrityTools(SplitPane browser, OrganizationListViewModel listViewModel,
                                      OrganizationDetailViewModel detailViewModel, OrganizationDetailView detailView,
                                      MemberViewModel memberViewModel, MemberView memberView) {
        // An organization opens in the list and detail; a team opens its organization; a user its member tab.
        Consumer<LocatedEntity> openEntity = entity -> {
            String organization = entity.type().equals("organization") ? entity.id() : entity.organizationId();
            if (organization != null) {
                listViewModel.show(organization);
                detailViewModel.open(organization);
            }
            if (entity.type().equals("user")) {
                detailView.showMember(entity.id());
            } else if (entity.type().equals("team")) {
                detailView.showTeam(entity.id());
            }
            stage.toFront();
        };
        LocateView locateView = new LocateView(new LocateViewModel(services.locate(), tasks, openEntity));
        locateStage = dialogs.toolWindow(stage, "locate", "Locate an id · Why is this key rejected?", ViewLoader.load(locateView));
        KeyDiagnosisViewModel keyViewModel = new KeyDiagnosisViewModel(services.keys(), services.diagnosis(),
                services.keyFixes(), tasks, () -> null);
        keyViewModel.fixDisabledReasonProperty().bind(mainViewModel.readOnlyReasonProperty());
        locateView.setKeyContent(ViewLoader.load(new KeyDiagnosisView(keyViewModel)));
        showLocate = () -> {
            dialogs.bringUp(locateStage);
            locateView.focus();
        };
        links.setOpenOrganization(id -> openEntity.accept(new LocatedEntity("organization", id, id, null)));
        links.setLocate(id -> {
            showLocate.run();
            locateView.locate(id);
        });
        AuditViewModel auditViewModel = new AuditViewModel(services.audit(), services.repairs(), tasks, openEntity);
        auditViewModel.repairDisabledReasonProperty().bind(mainViewModel.readOnlyReasonProperty());
        auditStage = dialogs.toolWindow(stage, "audit", "Integrity audit",
                ViewLoader.load(new AuditView(auditViewModel, dialogs)));
        showAudit = () -> dialogs.bringUp(auditStage);
        Runnable refreshBadges = () -> {
            OrganizationDetail organization = detailViewModel.detailProperty().get();
            detailView.showAuditBadge(organization == null ? "" : auditViewModel.badgeFor(organization.id()));
            MemberDetail member = memberViewModel.detailProperty().get();
            memberView.showAuditBadge(member == null ? "" : auditViewModel.badgeFor(member.userId()));
        };
        auditViewModel.allFindings().addListener((ListChangeListener<Finding>) change -> refreshBadges.run());
        // A repair changes presence and memberships: the list, the open organization and member re-read them.
        auditViewModel.repairsAppliedProperty().addListener((observable, old, count) -> {
            listViewModel.refresh();
            detailViewModel.reload();
            memberViewModel.reload();
        });
        detailViewModel.detailProperty().addListener((observable, old, detail) -> refreshBadges.run());
        memberViewModel.detailProperty().addListener((observable, old, detail) -> refreshBadges.run());

        // Shortcuts live in the menu bar (Tools), not in the labels.
        Button locateButton = new Button("Locate / key…", Icons.icon(MaterialDesignD.DATABASE_SEARCH, "icon--tool"));
        locateButton.setId("tool-locate");
        locateButton.setOnAction(event -> showLocate.run());
        Button auditButton = new Button("Integrity audit…", Icons.icon(MaterialDesignS.SHIELD_CHECK, "icon--tool"));
        auditButton.setId("tool-audit");
        auditButton.setOnAction(event -> showAudit.run());
        // Toolbar buttons have shortcuts; keeping them out of Tab order leaves first focus on the search box.
        locateButton.setFocusTraversable(false);
        auditButton.setFocusTraversable(false);
        BorderPane withTools = new BorderPane(browser);
        withTools.setTop(new ToolBar(locateButton, auditButton));
        return withTools;
    }
}
