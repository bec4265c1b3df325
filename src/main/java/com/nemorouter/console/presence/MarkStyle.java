package com.nemorouter.console.presence;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

import javafx.css.PseudoClass;
import javafx.scene.Node;

/**
 * Maps a {@link Mark} to CSS: a node that shows marked text carries the {@code mark} style class and one
 * pseudo-class per state ({@code :ok}, {@code :partial}, {@code :drift}, {@code :missing}); the colours are
 * in styles/components.css. The pseudo-class, not the text's leading ✘, decides the style.
 */
public final class MarkStyle {

    /** The style class of every node whose text carries a mark. */
    public static final String STYLE_CLASS = "mark";

    private static final Map<Mark, PseudoClass> PSEUDO_CLASSES = new EnumMap<>(Mark.class);

    static {
        for (Mark mark : Mark.values()) {
            PSEUDO_CLASSES.put(mark, PseudoClass.getPseudoClass(mark.name().toLowerCase(Locale.ROOT)));
        }
    }

    private MarkStyle() {
    }

    public static PseudoClass pseudoClass(Mark mark) {
        return PSEUDO_CLASSES.get(mark);
    }

    /** Shows {@code mark} on {@code node}; null (an empty cell, nothing shown) clears every mark state. */
    public static void apply(Node node, Mark mark) {
        if (!node.getStyleClass().contains(STYLE_CLASS)) {
            node.getStyleClass().add(STYLE_CLASS);
        }
        PSEUDO_CLASSES.forEach((each, pseudoClass) -> node.pseudoClassStateChanged(pseudoClass, each == mark));
    }
}
