package com.nemorouter.console.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Modality;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The dialog service: owner, modality, theme, and sizes remembered per window but never tiny ones. */
class DialogsTest extends FxRobot {

    private final Map<String, double[]> remembered = new HashMap<>();
    private final Dialogs.SizeMemory memory = new Dialogs.SizeMemory() {
        @Override
        public double[] size(String key) {
            return remembered.get(key);
        }

        @Override
        public void rememberSize(String key, double width, double height) {
            remembered.put(key, new double[] {width, height});
        }
    };

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupStages();
    }

    @Test
    void aWindowReopensAtItsRememberedSizeWithOwnerThemeAndModality() throws Exception {
        Stage owner = FxToolkit.registerPrimaryStage();
        Dialogs dialogs = WaitForAsyncUtils.asyncFx(() -> new Dialogs(new Appearance(Theme.DARK), memory)).get();

        Stage first = WaitForAsyncUtils.asyncFx(() -> {
            Stage window = dialogs.modal(owner, "history", "History", new StackPane(new Label("rows")));
            dialogs.bringUp(window);
            window.setWidth(700);
            window.setHeight(450);
            return window;
        }).get();
        assertThat(first.getOwner()).isSameAs(owner);
        assertThat(first.getModality()).isEqualTo(Modality.WINDOW_MODAL);
        assertThat(first.getScene().getRoot().getStyleClass()).contains("theme-dark");
        assertThat(first.getScene().getStylesheets()).anyMatch(sheet -> sheet.endsWith("/styles/app.css"));
        WaitForAsyncUtils.asyncFx(first::hide).get();
        assertThat(remembered.get("history")).containsExactly(700, 450);

        Stage second = WaitForAsyncUtils.asyncFx(() -> dialogs.toolWindow(owner, "history", "History",
                new StackPane(new Label("rows")))).get();
        assertThat(second.getWidth()).isEqualTo(700);
        assertThat(second.getHeight()).isEqualTo(450);
        assertThat(second.getModality()).isEqualTo(Modality.NONE);

        remembered.put("tiny", new double[] {120, 80});
        Stage third = WaitForAsyncUtils.asyncFx(() -> dialogs.toolWindow(owner, "tiny", "Tiny",
                new StackPane(new Label("rows")))).get();
        assertThat(third.getWidth()).isNaN(); // not set: the content's preferred size decides
        WaitForAsyncUtils.asyncFx(() -> new Appearance(Theme.LIGHT)).get();
    }
}
