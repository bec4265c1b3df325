package com.nemorouter.console.ui;

import javafx.scene.control.Labeled;

import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignI;
import org.kordamp.ikonli.materialdesign2.MaterialDesignL;

/**
 * Glyphs from the bundled Material Design icon font (Ikonli), so no screen depends on the system's emoji
 * font. Every call returns a new node. Each icon carries {@code icon} plus its own style class
 * ({@code icon--ok}, {@code icon--error}, ...) so the CSS colours it from the theme's variables.
 */
public final class Icons {

    private Icons() {
    }

    /** Read-only connection (was the 🔒 emoji). */
    public static FontIcon lock() {
        return icon(MaterialDesignL.LOCK, "icon--lock");
    }

    /** Present / consistent (was ✔). */
    public static FontIcon ok() {
        return icon(MaterialDesignC.CHECK_CIRCLE, "icon--ok");
    }

    /** Missing / wrong (was ✘). */
    public static FontIcon error() {
        return icon(MaterialDesignC.CLOSE_CIRCLE, "icon--error");
    }

    /** Worth a look (was ⚠). */
    public static FontIcon warning() {
        return icon(MaterialDesignA.ALERT, "icon--warning");
    }

    /** Information only: deliberately not the warning glyph. */
    public static FontIcon info() {
        return icon(MaterialDesignI.INFORMATION_OUTLINE, "icon--info");
    }

    /**
     * Shows a marked text ("✘ 3 audit findings", "⚠ …", "ℹ …", "✔ …") as its icon glyph and the words,
     * so the label never depends on the system font having the mark. Unmarked text is shown as it is; empty
     * text hides the badge and gives its space back.
     */
    public static void showBadge(Labeled label, String text) {
        FontIcon glyph = null;
        String words = text == null ? "" : text;
        if (!words.isEmpty()) {
            glyph = switch (words.charAt(0)) {
                case '✘' -> error();
                case '⚠' -> warning();
                case 'ℹ' -> info();
                case '✔' -> ok();
                default -> null;
            };
            if (glyph != null) {
                words = words.substring(1).strip();
            }
        }
        label.setText(words);
        label.setGraphic(glyph);
        boolean shown = text != null && !text.isEmpty();
        label.setVisible(shown);
        label.setManaged(shown);
    }

    /** Any other glyph of the pack, styled like the rest. */
    public static FontIcon icon(Ikon ikon, String styleClass) {
        FontIcon icon = new FontIcon(ikon);
        icon.getStyleClass().addAll("icon", styleClass);
        return icon;
    }
}
