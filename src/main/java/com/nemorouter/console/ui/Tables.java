package com.nemorouter.console.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;

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
        rowMenu(table, id).install();
    }

    /**
     * The context menu of a table whose rows stand for something with an id: "Copy UUID" (also Ctrl+C),
     * then whatever the screen adds; every item acts on the selected row, and copies confirm themselves.
     */
    public static <S> RowMenu<S> rowMenu(TableView<S> table, Function<S, String> id) {
        return new RowMenu<>(table, id);
    }

    /** Builds a row context menu; see {@link #rowMenu}. */
    public static final class RowMenu<S> {
        private final TableView<S> table;
        private final Function<S, String> id;
        private final List<MenuItem> items = new ArrayList<>();

        private RowMenu(TableView<S> table, Function<S, String> id) {
            this.table = table;
            this.id = id;
            copy("Copy UUID", "UUID", id);
        }

        /** A "Copy …" item; {@code what} names the value in the confirmation. */
        public RowMenu<S> copy(String label, String what, Function<S, String> value) {
            return action(label, row -> Copying.copy(table, what, value.apply(row)), row -> value.apply(row) != null);
        }

        /** "Open in Locate" for the row's id. */
        public RowMenu<S> locate(IdLinks links) {
            return action("Open in Locate", row -> links.locate(id.apply(row)), row -> true);
        }

        public RowMenu<S> action(String label, Consumer<S> action) {
            return action(label, action, row -> true);
        }

        /** An item enabled only for rows where {@code applies} holds (e.g. "Open team" needs a team). */
        public RowMenu<S> action(String label, Consumer<S> action, Predicate<S> applies) {
            MenuItem item = new MenuItem(label);
            item.setUserData(applies);
            item.setOnAction(event -> {
                S selected = table.getSelectionModel().getSelectedItem();
                if (selected != null) {
                    action.accept(selected);
                }
            });
            items.add(item);
            return this;
        }

        @SuppressWarnings("unchecked")
        public void install() {
            Runnable copy = () -> {
                S selected = table.getSelectionModel().getSelectedItem();
                if (selected != null) {
                    Copying.copy(table, "UUID", id.apply(selected));
                }
            };
            // Edit → Copy finds the focused table's copy here.
            table.getProperties().put(COPY_ID, copy);
            table.addEventHandler(javafx.scene.input.KeyEvent.KEY_PRESSED, event -> {
                if (COPY.match(event)) {
                    copy.run();
                    event.consume();
                }
            });
            ContextMenu menu = new ContextMenu(items.toArray(MenuItem[]::new));
            menu.setOnShowing(event -> {
                S selected = table.getSelectionModel().getSelectedItem();
                for (MenuItem item : menu.getItems()) {
                    item.setDisable(selected == null || !((Predicate<S>) item.getUserData()).test(selected));
                }
            });
            table.setContextMenu(menu);
        }
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
