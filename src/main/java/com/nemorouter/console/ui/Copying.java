package com.nemorouter.console.ui;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.util.Duration;

import org.controlsfx.control.Notifications;

/** Copies to the clipboard and says so: a short, non-modal notification near the window's corner. */
public final class Copying {

    private static final Duration SHOWN_FOR = Duration.seconds(2.5);

    private Copying() {
    }

    /**
     * Copies {@code text} and confirms "Copied {@code what}: text". Nothing happens for an empty value.
     *
     * @param source the node the user acted on; its window owns the notification
     */
    public static void copy(Node source, String what, String text) {
        copy(source, what, text, text);
    }

    /** As {@link #copy(Node, String, String)}, confirming with {@code shown} (a summary of a long text). */
    public static void copy(Node source, String what, String text, String shown) {
        if (text == null || text.isEmpty()) {
            return;
        }
        Clipboards.copy(text);
        if (source == null || source.getScene() == null || source.getScene().getWindow() == null
                || !source.getScene().getWindow().isShowing()) {
            return;
        }
        Notifications.create()
                .owner(source.getScene().getWindow())
                .title("Copied " + what)
                .text(shown)
                .position(Pos.BOTTOM_RIGHT)
                .hideAfter(SHOWN_FOR)
                .hideCloseButton()
                .styleClass("copy-notification")
                .show();
    }
}
