package com.nemorouter.console.ui;

import java.util.Locale;
import java.util.Objects;

/**
 * The two looks: AtlantaFX's Primer Light and Primer Dark as the user-agent stylesheet. The console's own
 * component CSS ({@code styles/}) is the same for both; it only reads AtlantaFX's colour variables.
 * <p>
 * AtlantaFX 2.1.0's classes are Java 21 bytecode and the console runs on Java 17, so the stylesheets are
 * taken from the jar by the same resource paths {@code PrimerLight/PrimerDark.getUserAgentStylesheet()}
 * return; no AtlantaFX class is loaded.
 */
public enum Theme {
    LIGHT("/atlantafx/base/theme/primer-light.css"),
    DARK("/atlantafx/base/theme/primer-dark.css");

    private final String resource;

    Theme(String resource) {
        this.resource = resource;
    }

    /** The URL of AtlantaFX's stylesheet for {@link javafx.application.Application#setUserAgentStylesheet}. */
    public String userAgentStylesheet() {
        return Objects.requireNonNull(Theme.class.getResource(resource), resource).toExternalForm();
    }

    /** The style class every themed root carries, for the few rules that differ by theme. */
    public String styleClass() {
        return "theme-" + name().toLowerCase(Locale.ROOT);
    }

    /** {@code light} or {@code dark}, as {@code --theme} and the saved state spell it. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @throws IllegalArgumentException naming the accepted values */
    public static Theme parse(String text) {
        for (Theme theme : values()) {
            if (theme.id().equalsIgnoreCase(text == null ? "" : text.strip())) {
                return theme;
            }
        }
        throw new IllegalArgumentException("--theme takes light or dark, not '" + text + "'.");
    }
}
