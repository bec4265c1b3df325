package com.nemorouter.console.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.nemorouter.console.integrity.KeyService;
import com.nemorouter.console.testing.ConsoleRobot;
import com.nemorouter.console.testing.Sql;
import com.nemorouter.console.testing.TestDatabases;
import com.nemorouter.console.ui.SqlPreview;

import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** "Why is this key rejected?": paste a blocked demo key, read the verdict, unblock it, see it pass. */
class KeyDiagnosisUiTest extends ConsoleRobot {

    private Application application;
    private String databaseName;

    @BeforeEach
    void start() throws Exception {
        databaseName = TestDatabases.copyOfSeed();
        application = launchConsole("--url",
                TestDatabases.url(databaseName));
        waitUntil(() -> lookup("#tool-locate").tryQuery().isPresent());
    }

    @AfterEach
    void stop() throws Exception {
        closeConsole(application);
    }

    @Test
    void pasteABlockedKeyReadTheVerdictUnblockItAndSeeItPass() {
        press(KeyCode.CONTROL, KeyCode.L).release(KeyCode.L, KeyCode.CONTROL);
        waitUntil(() -> lookup("Virtual key").tryQuery().map(Node::isVisible).orElse(false));
        clickOn("Virtual key");
        waitUntil(() -> lookup("#key-input").tryQuery().map(Node::isVisible).orElse(false));
        clickOn("#key-input").write("sk-demo-17").type(KeyCode.ENTER);

        Label verdict = find("#key-verdict");
        waitUntil(() -> verdict.getText().contains("REJECT"));
        assertThat(verdict.getText()).contains("key_blocked").contains("HTTP 401 auth_error");
        assertThat(this.<Label>find("#key-customer").getText()).contains("Key is blocked");
        TextField hash = find("#key-hash");
        assertThat(hash.getText()).isEqualTo(KeyService.tokenHash("sk-demo-17"));
        assertThat(hash.isEditable()).isFalse();
        assertThat(this.<TextField>find("#key-input").getText()).isEmpty();
        // All seven AuthContext lines fit: the label is as tall as its text needs, nothing is cut off.
        Label context = find("#key-summary");
        assertThat(context.getText().lines()).hasSize(7);
        assertThat(context.getHeight()).isGreaterThanOrEqualTo(context.prefHeight(context.getWidth()) - 1);

        interact(() -> this.<ScrollPane>find("#key-scroll").setVvalue(1.0));
        clickOn("#key-fix-preview");
        SqlPreview sql = find("#key-fix-sql");
        waitUntil(() -> sql.getSql().contains("set blocked = false"));
        assertThat(sql.getSql()).contains(KeyService.tokenHash("sk-demo-17"));
        // Highlighted like the audit's repair SQL: the hash is a string literal, "update" a keyword.
        assertThat(sql.flow().getChildren()).anyMatch(node -> node.getStyleClass().contains("sql-string")
                && ((javafx.scene.text.Text) node).getText().contains(KeyService.tokenHash("sk-demo-17")));
        assertThat(sql.flow().getChildren()).anyMatch(node -> node.getStyleClass().contains("sql-keyword")
                && ((javafx.scene.text.Text) node).getText().equalsIgnoreCase("update"));
        assertThat(sql.copyButton().isDisabled()).isFalse();
        clickOn("#key-fix-apply");
        waitUntil(() -> verdict.getText().contains("ACCEPT"));
        assertThat(this.<Label>find("#key-fix-message").getText()).contains("Unblock key")
                .contains("1 audit record written to LiteLLM_AuditLog").contains("cache");
        assertThat(new Sql(TestDatabases.dataSource(databaseName)).rows(
                "select coalesce(blocked::text, 'null') from \"LiteLLM_VerificationToken\" where token = ?",
                KeyService.tokenHash("sk-demo-17")).get(0).get(0)).isEqualTo("false");
    }
}
