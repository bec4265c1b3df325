package com.nemorouter.console.ui;

import java.util.Optional;

import javafx.geometry.Rectangle2D;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Dialog;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.stage.Modality;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * The one way the console opens a dialog or tool window (modelled on JabRef's DialogService): every window
 * gets the theme and component CSS, an owner, its modality, the size it had last time (per key, clamped to
 * the screen) and Escape-to-close. Made once by the composition root and handed to the views that need it.
 */
public final class Dialogs {

    /** Where window sizes are remembered between runs; the composition root backs it by the window state. */
    public interface SizeMemory {
        /** The remembered {@code {width, height}} of {@code key}, or null. */
        double[] size(String key);

        void rememberSize(String key, double width, double height);

        SizeMemory NONE = new SizeMemory() {
            @Override
            public double[] size(String key) {
                return null;
            }

            @Override
            public void rememberSize(String key, double width, double height) {
                // nothing kept
            }
        };
    }

    /** Smaller remembered sizes are ignored: they come from a squashed window and only make things worse. */
    static final double MIN_WIDTH = 320;
    static final double MIN_HEIGHT = 200;

    private final Appearance appearance;
    private final SizeMemory sizes;

    public Dialogs(Appearance appearance, SizeMemory sizes) {
        this.appearance = appearance;
        this.sizes = sizes;
    }

    public Appearance appearance() {
        return appearance;
    }

    /**
     * A non-modal tool window over {@code owner} (locate, audit). Built once and kept by the caller, who
     * shows it again with {@link #bringUp(Stage)}; Escape hides it.
     */
    public Stage toolWindow(Window owner, String key, String title, Parent content) {
        return window(owner, key, title, content, Modality.NONE);
    }

    /** A window-modal dialog over {@code owner} (connect, membership edit, about); Escape closes it. */
    public Stage modal(Window owner, String key, String title, Parent content) {
        return window(owner, key, title, content, Modality.WINDOW_MODAL);
    }

    /** Shows a window made here and brings it to the front. */
    public void bringUp(Stage window) {
        window.show();
        window.toFront();
        window.requestFocus();
    }

    /**
     * A JavaFX {@link Dialog} (an Alert or choice): owner, window-modal, theme; it already closes on Escape
     * (as Cancel). Blocks until answered, like {@link Dialog#showAndWait()}.
     */
    public <R> Optional<R> showAndWait(Window owner, Dialog<R> dialog) {
        if (owner != null && dialog.getOwner() == null) {
            dialog.initOwner(owner);
        }
        Scene scene = dialog.getDialogPane().getScene();
        if (scene != null) {
            appearance.style(scene);
        }
        return dialog.showAndWait();
    }

    private Stage window(Window owner, String key, String title, Parent content, Modality modality) {
        Stage stage = new Stage();
        if (owner != null) {
            stage.initOwner(owner);
        }
        stage.initModality(modality);
        stage.setTitle(title);
        Scene scene = new Scene(content);
        appearance.style(scene);
        stage.setScene(scene);
        // A handler, not a filter: a control that uses Escape itself (an open combo box) goes first.
        scene.addEventHandler(KeyEvent.KEY_PRESSED, event -> {
            if (event.getCode() == KeyCode.ESCAPE) {
                stage.hide();
                event.consume();
            }
        });
        restoreSize(stage, key);
        stage.setOnHidden(event -> {
            if (stage.getWidth() >= MIN_WIDTH && stage.getHeight() >= MIN_HEIGHT) {
                sizes.rememberSize(key, stage.getWidth(), stage.getHeight());
            }
        });
        return stage;
    }

    private void restoreSize(Stage stage, String key) {
        double[] size = sizes.size(key);
        if (size == null || size.length != 2 || !(size[0] >= MIN_WIDTH) || !(size[1] >= MIN_HEIGHT)) {
            return;
        }
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        stage.setWidth(Math.min(size[0], screen.getWidth()));
        stage.setHeight(Math.min(size[1], screen.getHeight()));
    }
}
