package com.nemorouter.console.ui;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import javafx.application.Application;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.text.Font;
import javafx.stage.Window;

/**
 * The look of every window: the theme (AtlantaFX's user-agent stylesheet), the console's component CSS
 * and the monospace font for ids and SQL. One instance, made by the composition root; {@link Dialogs}
 * styles every window it opens through it, and a theme change restyles every open window at once.
 */
public final class Appearance {

    /**
     * Monospace families, first installed wins: Windows 11 and older Windows, macOS, then the common Linux
     * families. JavaFX CSS takes one family per rule (no fallback list), so the choice is made here.
     */
    public static final List<String> MONOSPACE_FAMILIES = List.of("Cascadia Mono", "Consolas", "Menlo", "SF Mono",
            "DejaVu Sans Mono", "Liberation Mono", "Noto Sans Mono", "Ubuntu Mono", "Courier New");

    /** Where the {@link #monospaceFamily()} applies: {@code .mono} for anything else showing ids or SQL. */
    public static final String MONO_SELECTORS = ".mono, .mono .text, .uuid-field, .mono-column, .repair-sql,"
            + " .repair-sql .text, .locate-view__key, .membership-dialog__consequences, .key-view__hash, .key-view__mono,"
            + " .key-view__customer";

    private static final String COMPONENT_CSS = Objects.requireNonNull(
            Appearance.class.getResource("/styles/app.css")).toExternalForm();

    private final ObjectProperty<Theme> theme = new SimpleObjectProperty<>(Theme.LIGHT);
    private final String monospaceFamily;
    private final String monospaceCss;

    public Appearance(Theme initial) {
        this.monospaceFamily = pickMonospace(Set.copyOf(Font.getFamilies()));
        this.monospaceCss = "data:text/css;base64," + Base64.getEncoder().encodeToString(
                (MONO_SELECTORS + " { -fx-font-family: \"" + monospaceFamily + "\"; }\n")
                        .getBytes(StandardCharsets.UTF_8));
        theme.set(initial);
        Application.setUserAgentStylesheet(initial.userAgentStylesheet());
        theme.addListener((observable, old, now) -> {
            Application.setUserAgentStylesheet(now.userAgentStylesheet());
            for (Window window : List.copyOf(Window.getWindows())) {
                if (window.getScene() != null) {
                    markTheme(window.getScene().getRoot());
                }
            }
        });
    }

    static String pickMonospace(Set<String> installed) {
        Set<String> lower = new HashSet<>();
        installed.forEach(family -> lower.add(family.toLowerCase(java.util.Locale.ROOT)));
        for (String family : MONOSPACE_FAMILIES) {
            if (lower.contains(family.toLowerCase(java.util.Locale.ROOT))) {
                return family;
            }
        }
        return "Monospaced"; // JavaFX's logical monospace font: exists everywhere
    }

    /** The family {@code .mono} uses on this machine. */
    public String monospaceFamily() {
        return monospaceFamily;
    }

    /** View → Theme and {@code --theme}; setting it restyles every open window. */
    public ObjectProperty<Theme> themeProperty() {
        return theme;
    }

    public Theme theme() {
        return theme.get();
    }

    /** Gives a scene the component CSS, the monospace rule and the theme's root class. */
    public void style(Scene scene) {
        scene.getStylesheets().removeAll(COMPONENT_CSS, monospaceCss);
        scene.getStylesheets().addAll(COMPONENT_CSS, monospaceCss);
        markTheme(scene.getRoot());
        if (scene.getProperties().putIfAbsent(Appearance.class, Boolean.TRUE) == null) {
            // A root swapped later keeps the theme class.
            scene.rootProperty().addListener((observable, old, root) -> markTheme(root));
        }
    }

    private void markTheme(Parent root) {
        if (root == null) {
            return;
        }
        for (Theme each : Theme.values()) {
            root.getStyleClass().remove(each.styleClass());
        }
        root.getStyleClass().add(theme.get().styleClass());
    }
}
