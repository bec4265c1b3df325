package com.nemorouter.console.app;

import static com.nemorouter.console.testing.Seed.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.nemorouter.console.organization.OrganizationRow;
import com.nemorouter.console.presence.PresenceEntry;
import com.nemorouter.console.testing.ConsoleRobot;
import com.nemorouter.console.testing.TestDatabases;
import com.nemorouter.console.ui.IdCell;
import com.nemorouter.console.ui.IdText;

import javafx.application.Application;
import javafx.geometry.Side;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.input.Clipboard;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

/** Issue 11's screens through the real application: id cells, copy feedback, locate. */
class ScreensUiTest extends ConsoleRobot {

    private static String databaseUrl;
    private Application application;

    @BeforeAll
    static void database() {
        databaseUrl = TestDatabases.url(TestDatabases.copyOfSeed());
    }

    @BeforeEach
    void start() throws Exception {
        application = launchConsole("--url", databaseUrl);
        waitForSeedOrganizations();
    }

    @AfterEach
    void stop() throws Exception {
        closeConsole(application);
    }

    @SuppressWarnings("unchecked")
    private List<IdCell<OrganizationRow>> shownIdCells() {
        return lookup(".id-cell").queryAll().stream()
                .filter(node -> node instanceof IdCell<?> cell && cell.getTableView() == organizationTable()
                        && cell.fullValue() != null && cell.isVisible())
                .map(node -> (IdCell<OrganizationRow>) node).toList();
    }

    @Test
    void uuidCellsShowTheFullValueOrAMiddleEllipsisWithTheFullValueInTheTooltip() {
        Stage stage = (Stage) organizationTable().getScene().getWindow();
        interact(() -> {
            stage.setWidth(1024);
            stage.setHeight(700);
        });
        waitUntil(() -> !shownIdCells().isEmpty());
        for (IdCell<OrganizationRow> cell : shownIdCells()) {
            assertThat(cell.getTooltip().getText()).isEqualTo(cell.fullValue());
            assertThat(cell.getText()).isIn(cell.fullValue(), IdText.elide(cell.fullValue(), cell.getText().length()));
        }
        // Narrow the UUID column: the ids shrink in the middle, and the last digits (what differs) stay visible.
        TableColumn<OrganizationRow, ?> uuid = organizationTable().getColumns().stream()
                .filter(column -> column.getText().equals("UUID")).findFirst().orElseThrow();
        interact(() -> organizationTable().resizeColumn(uuid, 170 - uuid.getWidth()));
        waitUntil(() -> uuid.getWidth() < 200
                && shownIdCells().stream().allMatch(cell -> cell.getText().contains(IdText.ELLIPSIS)));
        for (IdCell<OrganizationRow> cell : shownIdCells()) {
            String full = cell.fullValue();
            assertThat(cell.getText()).startsWith(full.substring(0, 4)).endsWith(full.substring(full.length() - 4));
            assertThat(cell.getTooltip().getText()).isEqualTo(full);
        }
    }

    @Test
    void copyingFromTheContextMenuCopiesAndSaysSo() {
        clickOn("#organization-search").write("blue harbor");
        waitUntil(() -> organizationTable().getItems().size() == 1);
        OrganizationRow row = organizationTable().getItems().get(0);
        clickOn(from(organizationTable()).lookup(row.displayName()).<Node>query());
        openContextMenu();
        clickOn("Copy name");
        waitUntil(() -> row.displayName().equals(clipboard()));
        waitUntil(() -> lookup(".notification-bar").tryQuery().isPresent());
        assertThat(lookup(".notification-bar .title").queryLabeled().getText()).isEqualTo("Copied name");

        openContextMenu();
        clickOn("Copy UUID");
        waitUntil(() -> BLUE_HARBOR.equals(clipboard()));
    }

    @Test
    void escapeClosesLocateAndAnInvalidIdClearsTheOldResult() {
        press(KeyCode.CONTROL, KeyCode.L).release(KeyCode.L, KeyCode.CONTROL);
        waitUntil(() -> locateWindow() != null);
        clickOn("#locate-input").write(ACME).press(KeyCode.ENTER).release(KeyCode.ENTER);
        TableView<PresenceEntry> places = find("#locate-table");
        waitUntil(() -> !places.getItems().isEmpty());

        clickOn("#locate-input").press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL)
                .write("550e8400-e29b-41d4-a716-44665544").press(KeyCode.ENTER).release(KeyCode.ENTER);
        waitUntil(() -> !this.<Label>find("#locate-error").getText().isEmpty());
        assertThat(places.getItems()).as("the old result is gone").isEmpty();
        assertThat(this.<Label>find("#locate-message").getText()).isEmpty();
        assertThat(((Label) places.getPlaceholder()).getText()).startsWith("Nothing searched");

        press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
        waitUntil(() -> locateWindow() == null);
    }

    @Test
    void anIdFoundNowhereSaysSoInsteadOfAskingForAnId() {
        press(KeyCode.CONTROL, KeyCode.L).release(KeyCode.L, KeyCode.CONTROL);
        waitUntil(() -> locateWindow() != null);
        String nowhere = "0b5e55ed-0000-4000-8000-00000000ffff";
        clickOn("#locate-input").write(nowhere).press(KeyCode.ENTER).release(KeyCode.ENTER);
        TableView<PresenceEntry> places = find("#locate-table");
        waitUntil(() -> ((Label) places.getPlaceholder()).getText().contains("found in no table"));
        assertThat(places.getItems()).isEmpty();
        assertThat(lookup("#key-summary").<Node>query().isVisible()).as("no empty key box").isFalse();
    }

    @Test
    void statusBarItemsAreSeparatedInBothThemes() {
        Label connection = find("#status-connection");
        Label tls = find("#status-tls");
        Label server = find("#status-server");
        waitUntil(() -> !tls.getText().isEmpty() && !server.getText().isEmpty());
        for (String theme : List.of("#menu-theme-dark", "#menu-theme-light")) {
            javafx.scene.control.RadioMenuItem item = (javafx.scene.control.RadioMenuItem) ((javafx.scene.control.MenuBar)
                    find("#main-menu")).getMenus().stream().flatMap(menu -> menu.getItems().stream())
                    .flatMap(each -> each instanceof javafx.scene.control.Menu sub ? sub.getItems().stream() : java.util.stream.Stream.of(each))
                    .filter(each -> theme.equals("#" + each.getId())).findFirst().orElseThrow();
            interact(() -> item.setSelected(true));
            interact(() -> connection.getScene().getRoot().applyCss());
            interact(() -> connection.getScene().getRoot().layout());
            // A gap and a rule between the connection and TLS: "…seed_copy_1" and "TLS: …" never touch.
            assertThat(tls.getPadding().getLeft()).as(theme).isGreaterThanOrEqualTo(8);
            assertThat(tls.getBorder()).as(theme).isNotNull();
            assertThat(server.getBorder()).as(theme).isNotNull();
            javafx.geometry.Bounds left = connection.localToScene(connection.getBoundsInLocal());
            javafx.geometry.Bounds right = tls.localToScene(tls.getBoundsInLocal());
            assertThat(right.getMinX()).as(theme).isGreaterThanOrEqualTo(left.getMaxX());
        }
    }

    @Test
    void theSearchPromptEmbedsNoShortcut() {
        javafx.scene.control.TextField search = find("#organization-search");
        assertThat(search.getPromptText()).isNotBlank().doesNotContain("Ctrl").doesNotContain("(");
    }

    @Test
    void theDetailTabsFitAt1024By700() {
        Stage stage = (Stage) organizationTable().getScene().getWindow();
        interact(() -> {
            stage.setWidth(1024);
            stage.setHeight(700);
        });
        // The org with the most teams and members gives the longest tab labels.
        OrganizationRow biggest = organizationTable().getItems().stream()
                .max(java.util.Comparator.comparingLong(OrganizationRow::memberCount)).orElseThrow();
        interact(() -> organizationTable().getSelectionModel().select(biggest));
        javafx.scene.control.TabPane tabs = find("#organization-tabs");
        waitUntil(() -> tabs.getTabs().stream().anyMatch(tab -> tab.getText().startsWith("Members ")));
        interact(() -> tabs.getSelectionModel().select(1)); // Teams: its inner tab pane is laid out too
        interact(() -> stage.getScene().getRoot().layout());
        WaitForAsyncUtils.waitForFxEvents();
        List<Node> overflow = lookup(".tab-down-button").queryAll().stream()
                .filter(node -> node.getScene() == stage.getScene() && node.isVisible()
                        && node.getParent() != null && node.getParent().isVisible()).toList();
        assertThat(overflow).as("no tab pane of the detail shows JavaFX's overflow menu at 1024×700").isEmpty();
    }

    private String clipboard() {
        java.util.concurrent.atomic.AtomicReference<String> text = new java.util.concurrent.atomic.AtomicReference<>();
        interact(() -> text.set(Clipboard.getSystemClipboard().getString()));
        return text.get();
    }

    /** Monocle sends no context-menu request for a right click, so the test opens the menu as one would. */
    private void openContextMenu() {
        interact(() -> organizationTable().getContextMenu().show(organizationTable(), Side.BOTTOM, 0, 0));
    }

    private Window locateWindow() {
        return Window.getWindows().stream()
                .filter(window -> window instanceof Stage stage && stage.getTitle() != null
                        && stage.getTitle().startsWith("Locate") && window.isShowing())
                .findFirst().orElse(null);
    }

}
