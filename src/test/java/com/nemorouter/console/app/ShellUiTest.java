package com.nemorouter.console.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

import com.nemorouter.console.connection.ConsoleHome;
import com.nemorouter.console.testing.ConsoleRobot;
import com.nemorouter.console.testing.TestDatabases;
import com.nemorouter.console.ui.Theme;

import javafx.application.Application;
import javafx.scene.control.Label;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import javafx.stage.Window;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

/** The shell: the theme switch restyles every open window and is remembered; tool windows close on Escape. */
class ShellUiTest extends ConsoleRobot {

    private Application application;
    private String previousHome;
    private Path home;

    @BeforeEach
    void start() throws Exception {
        home = Files.createTempDirectory("nemo-console-shell");
        previousHome = System.setProperty(ConsoleHome.HOME_PROPERTY, home.toString());
        application = launchConsole("--url",
                TestDatabases.url(TestDatabases.copyOfSeed()));
        waitForSeedOrganizations();
    }

    @AfterEach
    void stop() throws Exception {
        closeConsole(application);
        if (previousHome == null) {
            System.clearProperty(ConsoleHome.HOME_PROPERTY);
        } else {
            System.setProperty(ConsoleHome.HOME_PROPERTY, previousHome);
        }
    }

    @Test
    void theThemeSwitchRestylesEveryOpenWindowAndIsRemembered() throws Exception {
        press(KeyCode.CONTROL, KeyCode.L).release(KeyCode.L, KeyCode.CONTROL);
        waitUntil(() -> lookup("#locate-input").tryQuery().map(node -> node.getScene().getWindow().isShowing()).orElse(false));
        clickOn("#tool-audit");
        waitUntil(() -> lookup(".audit-view").tryQuery().map(node -> node.getScene().getWindow().isShowing()).orElse(false));
        List<Window> open = showingWindows();
        assertThat(open).hasSize(3);
        assertThat(open).allSatisfy(window -> assertThat(background(window)).isEqualTo(Color.web("#ffffff")));
        Color lightText = this.<Label>find("#status-connection").getTextFill() instanceof Color c ? c : null;

        // View → Theme → Dark: selecting the radio item is what a click on it does.
        WaitForAsyncUtils.asyncFx(() -> darkThemeItem().setSelected(true)).get();
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(darkThemeItem().isSelected()).isTrue();

        // Primer Dark's -color-bg-default under every window, and its text colour in the status bar.
        assertThat(showingWindows()).hasSize(3).allSatisfy(window -> {
            assertThat(window.getScene().getRoot().getStyleClass()).contains("theme-dark").doesNotContain("theme-light");
            assertThat(background(window)).isEqualTo(Color.web("#0d1117"));
        });
        Color darkText = (Color) this.<Label>find("#status-connection").getTextFill();
        assertThat(darkText).isEqualTo(Color.web("#c9d1d9")).isNotEqualTo(lightText);

        Properties saved = new Properties();
        try (Reader reader = Files.newBufferedReader(home.resolve("window.properties"))) {
            saved.load(reader);
        }
        assertThat(saved.getProperty("theme")).isEqualTo("dark");
        WaitForAsyncUtils.asyncFx(() -> lightThemeItem().setSelected(true)).get();
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(showingWindows()).allSatisfy(window -> assertThat(background(window)).isEqualTo(Color.web("#ffffff")));
    }

    @Test
    void escapeClosesAToolWindowOpenedThroughTheDialogService() {
        press(KeyCode.CONTROL, KeyCode.L).release(KeyCode.L, KeyCode.CONTROL);
        waitUntil(() -> lookup("#locate-input").tryQuery().map(node -> node.getScene().getWindow().isShowing()).orElse(false));
        Window locate = find("#locate-input").getScene().getWindow();
        clickOn("#locate-input").write("550e8400");
        type(KeyCode.ESCAPE);
        waitUntil(() -> !locate.isShowing());
        assertThat(((Stage) organizationTable().getScene().getWindow()).isShowing()).isTrue();
    }

    @Test
    void theMenuBarCarriesEveryActionWithItsAcceleratorAndButtonsNoShortcutText() {
        MenuBar bar = find("#main-menu");
        assertThat(bar.getMenus()).extracting(menu -> menu.getText().replace("_", ""))
                .containsExactly("File", "Edit", "View", "Tools", "Help");
        assertThat(accelerator("menu-locate")).isEqualTo("Shortcut+L");
        assertThat(accelerator("menu-audit")).isEqualTo("Shift+Shortcut+A");
        assertThat(accelerator("menu-find")).isEqualTo("Shortcut+F");
        assertThat(accelerator("menu-connect")).isEqualTo("Shortcut+O");
        assertThat(lookup(".button").queryAll()).allSatisfy(button ->
                assertThat(((javafx.scene.control.Labeled) button).getText()).doesNotContain("Ctrl+"));
    }

    private String accelerator(String id) {
        MenuBar bar = find("#main-menu");
        return bar.getMenus().stream().flatMap(menu -> menu.getItems().stream())
                .filter(item -> id.equals(item.getId())).findFirst().map(MenuItem::getAccelerator)
                .map(Object::toString).orElse(null);
    }

    private RadioMenuItem darkThemeItem() {
        return themeItem(Theme.DARK);
    }

    private RadioMenuItem lightThemeItem() {
        return themeItem(Theme.LIGHT);
    }

    private RadioMenuItem themeItem(Theme theme) {
        MenuBar bar = find("#main-menu");
        return bar.getMenus().stream().flatMap(menu -> menu.getItems().stream())
                .filter(item -> item instanceof javafx.scene.control.Menu).flatMap(menu -> ((javafx.scene.control.Menu) menu).getItems().stream())
                .filter(item -> item instanceof RadioMenuItem && theme.equals(item.getUserData()))
                .map(RadioMenuItem.class::cast).findFirst().orElseThrow();
    }

    private static List<Window> showingWindows() {
        return Window.getWindows().stream().filter(Window::isShowing).filter(window -> window instanceof Stage).toList();
    }

    /** The colour the window's scene paints behind everything: the root's background. */
    private static Color background(Window window) {
        Region root = (Region) window.getScene().getRoot();
        return (Color) root.getBackground().getFills().get(0).getFill();
    }
}
