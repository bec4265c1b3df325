package com.nemorouter.console.app;

import static com.nemorouter.console.testing.Seed.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.nemorouter.console.integrity.CheckRow;
import com.nemorouter.console.integrity.Finding;
import com.nemorouter.console.member.MemberRow;
import com.nemorouter.console.team.TeamRow;
import com.nemorouter.console.testing.ConsoleRobot;
import com.nemorouter.console.testing.TestDatabases;

import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Not part of the suite (no "Test" suffix): drives every screen on a real X display and screenshots it,
 * for looking at the screens by eye. Run under Xvfb without Monocle:
 * <pre>
 * xvfb-run -s "-screen 0 1400x900x24" mvn -B -o test -Dtest=ScreenshotTour -Dsurefire.failIfNoSpecifiedTests=false \
 *   -Dheadless.argLine="-Dtestfx.robot=glass -Dprism.order=sw" -Dnemo.screenshots=/tmp/shots -Dnemo.shot.size=1400x900 \
 *   -Dnemo.theme=dark
 * </pre>
 */
class ScreenshotTour extends ConsoleRobot {

    private Application application;
    private Path dir;
    private int shot;

    @AfterEach
    void stop() throws Exception {
        closeConsole(application);
    }

    private void snap(String name) throws Exception {
        sleepForPaint();
        Path file = dir.resolve(String.format("%02d-%s.png", ++shot, name));
        Process process = new ProcessBuilder("import", "-window", "root", file.toString()).inheritIO().start();
        process.waitFor();
    }

    /** Rendering on a real display lags the scene graph by a frame or two; wait for the pulses. */
    private static void sleepForPaint() {
        for (int i = 0; i < 5; i++) {
            org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        }
    }

    @Test
    void tour() throws Exception {
        dir = Path.of(System.getProperty("nemo.screenshots", "target/screenshots"));
        Files.createDirectories(dir);
        String[] size = System.getProperty("nemo.shot.size", "1400x900").split("x");
        String name = TestDatabases.copyOfSeed();
        application = launchConsole("--url", TestDatabases.url(name),
                "--theme", System.getProperty("nemo.theme", "light"));
        waitForSeedOrganizations();
        Stage stage = (Stage) organizationTable().getScene().getWindow();
        interact(() -> {
            stage.setX(0);
            stage.setY(0);
            stage.setWidth(Double.parseDouble(size[0]));
            stage.setHeight(Double.parseDouble(size[1]));
        });
        clickOn(from(organizationTable()).lookup("Blue Harbor Logistics").<Node>query());
        waitUntil(() -> BLUE_HARBOR.equals(this.<TextField>find("#organization-id").getText()));
        snap("list-and-presence");

        clickOn((Node) lookup((Node node) -> node instanceof Label label && label.getText() != null
                && label.getText().matches("Teams \\d+")).query());
        TableView<TeamRow> teams = find("#team-table");
        waitUntil(() -> !teams.getItems().isEmpty());
        interact(() -> teams.getSelectionModel().select(0));
        snap("teams-and-roster");

        clickOn((Node) lookup((Node node) -> node instanceof Label label && label.getText() != null
                && label.getText().matches("Members \\d+")).query());
        TableView<MemberRow> members = find("#member-table");
        waitUntil(() -> !members.getItems().isEmpty());
        interact(() -> members.getSelectionModel().select(0));
        snap("members");

        clickOn("#org-remove-member");
        waitUntil(() -> lookup("#membership-consequences-list").tryQuery().map(Node::isVisible).orElse(false));
        snap("remove-dialog");
        clickOn("#membership-cancel");

        clickOn("#org-add-members");
        waitUntil(() -> lookup("#membership-user-search").tryQuery().isPresent());
        clickOn("#membership-user-search").write("acme");
        ListView<?> results = find("#membership-user-results");
        waitUntil(() -> !results.getItems().isEmpty());
        snap("add-dialog");
        clickOn("#membership-cancel");

        doubleClickOn(idCell(members, members.getItems().get(0).userId()));
        waitUntil(() -> !this.<TextField>find("#member-id").getText().isEmpty());
        snap("member");

        press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.A).release(KeyCode.A, KeyCode.SHIFT, KeyCode.CONTROL);
        waitUntil(() -> lookup("#audit-run").tryQuery().map(Node::isVisible).orElse(false));
        clickOn("#audit-run");
        waitUntil(() -> this.<Label>find("#audit-status").getText().startsWith("15 checks"));
        TableView<CheckRow> checks = find("#audit-checks");
        CheckRow mismatch = checks.getItems().stream()
                .filter(row -> row.check().id().equals("team_org_mismatch")).findFirst().orElseThrow();
        interact(() -> checks.getSelectionModel().select(mismatch));
        TableView<Finding> findings = find("#audit-findings");
        waitUntil(() -> !findings.getItems().isEmpty());
        interact(() -> findings.getSelectionModel().select(0));
        snap("audit");
        CheckRow orgMissing = checks.getItems().stream()
                .filter(row -> row.check().id().equals("org_missing_in_litellm")).findFirst().orElseThrow();
        interact(() -> checks.getSelectionModel().select(orgMissing));
        waitUntil(() -> !findings.getItems().isEmpty()
                && findings.getItems().get(0).check().id().equals("org_missing_in_litellm"));
        interact(() -> findings.getSelectionModel().select(0));
        clickOn("#audit-repair");
        waitUntil(() -> lookup("#repair-sql").tryQuery().isPresent());
        snap("repair-sql");
        press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
        waitUntil(() -> lookup("#repair-sql").tryQuery().isEmpty());
        press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);

        press(KeyCode.CONTROL, KeyCode.L).release(KeyCode.L, KeyCode.CONTROL);
        waitUntil(() -> lookup("#locate-input").tryQuery().map(Node::isVisible).orElse(false));
        clickOn("#locate-input").write(BLUE_HARBOR).type(KeyCode.ENTER);
        waitUntil(() -> !this.<TableView<?>>find("#locate-table").getItems().isEmpty());
        snap("locate");
        press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);

        List<Window> windows = List.copyOf(Window.getWindows());
        windows.stream().filter(window -> window != stage && window instanceof Stage).forEach(window -> interact(((Stage) window)::close));
        clickOn((Node) lookup((Node node) -> node instanceof Label label && "History".equals(label.getText())).query());
        snap("history");
    }
}
