package com.nemorouter.console.ui;

import java.util.function.Consumer;
import java.util.function.Function;

import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ObservableValue;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.MouseButton;

/**
 * Table conventions shared by every screen: columns read plain record values (nothing lazy-loads in a
 * cell), Ctrl+C and the context menu copy the selected row's id, Enter and double-click open it.
 */
public final class Tables {

    /** Under this key of a table's properties: the Runnable that copies its selected id (Edit → Copy). */
    public static final String COPY_ID = "nemo.copy-id";

    private static final KeyCombination COPY = new KeyCodeCombination(KeyCode.C, KeyCombination.SHORTCUT_DOWN);

    private Tables() {
    }

    public static <S, T> void bind(TableColumn<S, T> column, Function<S, T> value) {
        column.setCellValueFactory(cell -> constant(value.apply(cell.getValue())));
    }

    private static <T> ObservableValue<T> constant(T value) {
        return new ReadOnlyObjectWrapper<>(value);
    }

    /** Ctrl+C and a "Copy UUID" context menu on the selected row. */
    public static <S> void copyIdOnShortcut(TableView<S> table, Function<S, String> id) {
        Runnable copy = () -> {
            S selected = table.getSelectionModel().getSelectedItem();
            if (selected != null) {
                Clipboards.copy(id.apply(selected));
            }
        };
        table.getProperties().put(COPY_ID, copy);
        table.addEventHandler(javafx.scene.input.KeyEvent.KEY_PRESSED, event -> {
            if (COPY.match(event)) {
                copy.run();
                event.consume();
            }
        });
        MenuItem item = new MenuItem("Copy UUID");
        item.setOnAction(event -> copy.run());
        table.setContextMenu(new ContextMenu(item));
    }

    /** Enter or a double click on a row hands the row to {@code open}. */
    public static <S> void openOnEnter(TableView<S> table, Consumer<S> open) {
        table.addEventHandler(javafx.scene.input.KeyEvent.KEY_PRESSED, event -> {
            S selected = table.getSelectionModel().getSelectedItem();
            if (event.getCode() == KeyCode.ENTER && selected != null) {
                open.accept(selected);
                event.consume();
            }
        });
        table.setOnMouseClicked(event -> {
            S selected = table.getSelectionModel().getSelectedItem();
            if (event.getButton() == MouseButton.PRIMARY && event.getClickCount() == 2 && selected != null) {
                open.accept(selected);
            }
        });
    }
}
