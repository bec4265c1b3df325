package com.nemorouter.console.app;

import com.nemorouter.console.ui.Icons;
import com.nemorouter.console.ui.Tables;
import com.nemorouter.console.ui.Theme;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;

import org.controlsfx.control.StatusBar;

/**
 * The window frame: the menu bar (every action with its accelerator), banners (lost connection, schema),
 * the content area and ControlsFX's status bar with Cancel.
 */
public final class MainView {

    private final MainViewModel viewModel;
    private Runnable onAbout = () -> { };
    private Runnable onQuit = () -> { };
    private Runnable onFind = () -> { };
    private Runnable onLocate = () -> { };
    private Runnable onAudit = () -> { };
    private final BooleanProperty browserShown = new SimpleBooleanProperty(false);

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
    private StatusBar statusBar;
    @FXML
    private javafx.scene.layout.VBox skeleton;
    @FXML
    private MenuItem copyItem;
    @FXML
    private MenuItem findItem;
    @FXML
    private MenuItem reloadItem;
    @FXML
    private CheckMenuItem readOnlyItem;
    @FXML
    private MenuItem locateItem;
    @FXML
    private MenuItem auditItem;
    @FXML
    private MenuItem cancelItem;
    @FXML
    private RadioMenuItem lightThemeItem;
    @FXML
    private RadioMenuItem darkThemeItem;
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
        viewModel.readOnlySwitchProperty().subscribe(readOnlyItem::setSelected);
        readOnlyItem.setOnAction(event -> viewModel.readOnlySwitchProperty().set(readOnlyItem.isSelected()));
        readOnlyItem.disableProperty().bind(viewModel.readOnlyFixedProperty());
        readOnlyLabel.graphicProperty().bind(viewModel.readOnlyProperty().map(text -> text.isEmpty() ? null : Icons.lock()));
        for (MenuItem item : new MenuItem[] {findItem, locateItem, auditItem, reloadItem}) {
            item.disableProperty().bind(browserShown.not());
        }
        cancelItem.disableProperty().bind(viewModel.busyProperty().not());
        // An empty status item takes no room, so its separator rule never stands alone.
        for (Label item : new Label[] {connectionLabel, tlsLabel, serverLabel, readOnlyLabel, taskLabel}) {
            item.visibleProperty().bind(item.textProperty().isNotEmpty());
            item.managedProperty().bind(item.visibleProperty());
        }
        // The status bar's own progress bar: indeterminate while a task runs, hidden otherwise.
        statusBar.progressProperty().bind(viewModel.busyProperty().map(busy -> busy ? -1.0 : 0.0));
        taskLabel.textProperty().bind(viewModel.currentTaskProperty());
        failureLabel.textProperty().bind(viewModel.failureProperty());
        failureLabel.visibleProperty().bind(viewModel.failureProperty().isNotEmpty());
        failureLabel.managedProperty().bind(failureLabel.visibleProperty());
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

    /** View → Theme: two radio items bound both ways to the appearance's theme. */
    public void bindTheme(ObjectProperty<Theme> theme) {
        ToggleGroup group = new ToggleGroup();
        lightThemeItem.setToggleGroup(group);
        darkThemeItem.setToggleGroup(group);
        lightThemeItem.setUserData(Theme.LIGHT);
        darkThemeItem.setUserData(Theme.DARK);
        theme.subscribe(now -> (now == Theme.DARK ? darkThemeItem : lightThemeItem).setSelected(true));
        group.selectedToggleProperty().addListener((observable, old, toggle) -> {
            if (toggle != null) {
                theme.set((Theme) toggle.getUserData());
            }
        });
    }

    /** File → Quit. */
    public void setOnQuit(Runnable onQuit) {
        this.onQuit = onQuit;
    }

    /** The browser's actions for Edit and Tools; they stay disabled until a browser is shown. */
    public void setBrowserActions(Runnable find, Runnable locate, Runnable audit) {
        this.onFind = find;
        this.onLocate = locate;
        this.onAudit = audit;
    }

    @FXML
    private void quit() {
        onQuit.run();
    }

    @FXML
    private void find() {
        onFind.run();
    }

    @FXML
    private void locate() {
        onLocate.run();
    }

    @FXML
    private void audit() {
        onAudit.run();
    }

    /**
     * Edit → Copy (Ctrl+C): menu accelerators see the key before the focused control, so this copies
     * for the focused control: the selection of a text field, or the selected row's id of a table.
     */
    @FXML
    private void copy() {
        Node focused = content.getScene() == null ? null : content.getScene().getFocusOwner();
        if (focused instanceof TextInputControl text) {
            text.copy();
        } else if (focused != null && focused.getProperties().get(Tables.COPY_ID) instanceof Runnable copyId) {
            copyId.run();
        }
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
        content.getChildren().setAll(skeleton);
        browserShown.set(false);
    }

    public void showContent(Node node) {
        content.getChildren().setAll(node);
        browserShown.set(true);
    }
}
