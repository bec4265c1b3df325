package com.nemorouter.console.ui;

import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;

/** Copies ids to the system clipboard (FX thread only). */
public final class Clipboards {

    private Clipboards() {
    }

    public static void copy(String text) {
        if (text == null || text.isEmpty()) {
            return;
        }
        ClipboardContent content = new ClipboardContent();
        content.putString(text);
        Clipboard.getSystemClipboard().setContent(content);
    }
}
