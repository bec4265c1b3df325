package com.nemorouter.console.presence;

import java.util.function.Function;

import com.nemorouter.console.ui.IdCell;

import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.Tooltip;
import javafx.util.Callback;

/**
 * A text cell whose style follows its row's typed {@link Mark} (through {@link MarkStyle}), never the text.
 * The column's value stays the text the user reads, so sorting and copying are unchanged.
 */
public final class MarkCell<S> extends TableCell<S, String> {

    private final Function<S, Mark> mark;
    private final boolean tooltip;

    private MarkCell(Function<S, Mark> mark, boolean tooltip) {
        this.mark = mark;
        this.tooltip = tooltip;
    }

    /** Cells marked by {@code mark} of their row. */
    public static <S> Callback<TableColumn<S, String>, TableCell<S, String>> factory(Function<S, Mark> mark) {
        return column -> new MarkCell<>(mark, false);
    }

    /** As {@link #factory}, with the whole text in a tooltip (for long explanations in a narrow column). */
    public static <S> Callback<TableColumn<S, String>, TableCell<S, String>> withTooltip(Function<S, Mark> mark) {
        return column -> new MarkCell<>(mark, true);
    }

    /** Id cells ({@link IdCell}: monospace, elided in the middle) marked by {@code mark} of their row. */
    public static <S> Callback<TableColumn<S, String>, TableCell<S, String>> ids(Function<S, Mark> mark) {
        return column -> new IdCell<>() {
            @Override
            protected void decorate(String item) {
                MarkStyle.apply(this, item == null ? null : rowMark(this, mark));
            }
        };
    }

    @Override
    protected void updateItem(String text, boolean empty) {
        super.updateItem(text, empty);
        setText(empty ? null : text);
        if (tooltip) {
            setTooltip(empty || text == null ? null : new Tooltip(text));
        }
        MarkStyle.apply(this, empty ? null : rowMark(this, mark));
    }

    /** The mark of the cell's row; the row holds its item before its cells update, so this is current. */
    private static <S> Mark rowMark(TableCell<S, ?> cell, Function<S, Mark> mark) {
        S row = cell.getTableRow() == null ? null : cell.getTableRow().getItem();
        return row == null ? null : mark.apply(row);
    }
}
