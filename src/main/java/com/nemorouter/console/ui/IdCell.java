package com.nemorouter.console.ui;

import javafx.scene.control.OverrunStyle;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.Tooltip;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import javafx.util.Callback;

/**
 * A table cell for ids (or text around one id): monospace, the full value when it fits, otherwise the
 * middle elided by {@link IdText} so the distinguishing digits stay visible; the full value is always in
 * the tooltip. The one cell every screen uses for UUIDs.
 */
public class IdCell<S> extends TableCell<S, String> {

    private String full;

    public IdCell() {
        getStyleClass().addAll("id-cell", "mono");
        // Our own elision runs first; this only catches a font whose width was measured wrong.
        setTextOverrun(OverrunStyle.CENTER_ELLIPSIS);
        widthProperty().addListener((observable, old, width) -> render());
        fontProperty().addListener((observable, old, font) -> render());
    }

    /** A cell factory for {@code column}'s cell factory slot. */
    public static <S> Callback<TableColumn<S, String>, javafx.scene.control.TableCell<S, String>> factory() {
        return column -> new IdCell<>();
    }

    @Override
    protected void updateItem(String item, boolean empty) {
        super.updateItem(item, empty);
        full = empty ? null : item;
        if (full == null || full.isEmpty()) {
            setText(null);
            setTooltip(null);
            decorate(null);
            return;
        }
        Tooltip tooltip = getTooltip();
        if (tooltip == null) {
            tooltip = new Tooltip();
            tooltip.getStyleClass().add("mono");
            setTooltip(tooltip);
        }
        tooltip.setText(full);
        render();
        decorate(item);
    }

    /**
     * Styles the cell for {@code item} (null when empty). Plain ids need nothing; cells whose text carries a
     * drift mark override this to style by the row's typed status, never by parsing the text.
     */
    protected void decorate(String item) {
    }

    private void render() {
        if (full == null) {
            return;
        }
        // What the skin leaves for text: the insets, the label padding and a pixel of rounding to spare.
        double width = getWidth() - snappedLeftInset() - snappedRightInset()
                - getLabelPadding().getLeft() - getLabelPadding().getRight() - 2;
        if (width <= 0) {
            // Not laid out yet: show it whole; the width listener shortens it once the cell has a size.
            setText(full);
            return;
        }
        // Estimate from the width of a digit, then measure: marks such as ✘ are wider than a digit.
        Text probe = new Text();
        probe.setFont(getFont());
        int max = (int) Math.floor(width / charWidth(getFont()));
        String shown = IdText.elideWithin(full, max);
        probe.setText(shown);
        while (probe.getLayoutBounds().getWidth() > width && max > 5) {
            shown = IdText.elideWithin(full, --max);
            probe.setText(shown);
        }
        setText(shown);
    }

    /** Width of one character of {@code font}; exact for the monospace font ids are drawn in. */
    static double charWidth(Font font) {
        Text probe = new Text("0123456789abcdef");
        probe.setFont(font);
        return probe.getLayoutBounds().getWidth() / 16;
    }

    /** The value the cell stands for (its text may be elided). */
    public String fullValue() {
        return full;
    }
}
