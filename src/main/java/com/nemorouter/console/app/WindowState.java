package com.nemorouter.console.app;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.stage.Screen;
import javafx.stage.Stage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Window size and position, split positions, column widths and the last profile, per user, in
 * {@code window.properties} under the console's directory. A small local file read at start and written at
 * exit on the FX thread; a missing or unreadable file just means defaults.
 */
final class WindowState {

    private static final Logger LOG = LoggerFactory.getLogger(WindowState.class);

    private final Path file;
    private final Properties values = new Properties();

    private WindowState(Path file) {
        this.file = file;
    }

    static WindowState load(Path file) {
        WindowState state = new WindowState(file);
        if (Files.isRegularFile(file)) {
            try (Reader reader = Files.newBufferedReader(file)) {
                state.values.load(reader);
            } catch (IOException | IllegalArgumentException e) {
                LOG.warn("Ignoring unreadable window state {}: {}", file, e.getMessage());
            }
        }
        return state;
    }

    void save() {
        try {
            Files.createDirectories(file.getParent());
            try (Writer writer = Files.newBufferedWriter(file)) {
                values.store(writer, "Nemo Console window state");
            }
        } catch (IOException e) {
            LOG.warn("Could not save the window state to {}: {}", file, e.getMessage());
        }
    }

    /** Restores size and position, but only where the window would still be visible on some screen. */
    void applyTo(Stage stage) {
        double x = number("window.x", Double.NaN);
        double y = number("window.y", Double.NaN);
        double width = number("window.width", Double.NaN);
        double height = number("window.height", Double.NaN);
        if (!Double.isNaN(width) && !Double.isNaN(height) && width >= 400 && height >= 300) {
            stage.setWidth(width);
            stage.setHeight(height);
        }
        if (!Double.isNaN(x) && !Double.isNaN(y)
                && !Screen.getScreensForRectangle(new Rectangle2D(x, y, 100, 100)).isEmpty()) {
            stage.setX(x);
            stage.setY(y);
        }
        stage.setMaximized(Boolean.parseBoolean(values.getProperty("window.maximized", "false")));
    }

    void captureFrom(Stage stage) {
        values.setProperty("window.maximized", Boolean.toString(stage.isMaximized()));
        if (!stage.isMaximized()) {
            values.setProperty("window.x", Double.toString(stage.getX()));
            values.setProperty("window.y", Double.toString(stage.getY()));
            values.setProperty("window.width", Double.toString(stage.getWidth()));
            values.setProperty("window.height", Double.toString(stage.getHeight()));
        }
    }

    /** Split positions and column widths of every SplitPane and TableView with an id under {@code root}. */
    void applyTo(Node root) {
        for (Node node : root.lookupAll(".split-pane")) {
            if (node instanceof SplitPane split && split.getId() != null) {
                double[] positions = split.getDividerPositions();
                for (int i = 0; i < positions.length; i++) {
                    double position = number("split." + split.getId() + "." + i, Double.NaN);
                    if (position > 0.05 && position < 0.95) {
                        split.setDividerPosition(i, position);
                    }
                }
            }
        }
        for (Node node : root.lookupAll(".table-view")) {
            if (node instanceof TableView<?> table && table.getId() != null) {
                for (TableColumn<?, ?> column : table.getColumns()) {
                    double width = number(columnKey(table, column), Double.NaN);
                    if (width >= 20) {
                        column.setPrefWidth(width);
                    }
                }
            }
        }
    }

    void captureFrom(Node root) {
        for (Node node : root.lookupAll(".split-pane")) {
            if (node instanceof SplitPane split && split.getId() != null) {
                double[] positions = split.getDividerPositions();
                for (int i = 0; i < positions.length; i++) {
                    values.setProperty("split." + split.getId() + "." + i, Double.toString(positions[i]));
                }
            }
        }
        for (Node node : root.lookupAll(".table-view")) {
            if (node instanceof TableView<?> table && table.getId() != null) {
                for (TableColumn<?, ?> column : table.getColumns()) {
                    values.setProperty(columnKey(table, column), Double.toString(column.getWidth()));
                }
            }
        }
    }

    String lastProfile() {
        return values.getProperty("profile.last", "");
    }

    void rememberProfile(String name) {
        values.setProperty("profile.last", name == null ? "" : name);
    }

    private static String columnKey(TableView<?> table, TableColumn<?, ?> column) {
        return "column." + table.getId() + "." + (column.getId() != null ? column.getId() : column.getText());
    }

    private double number(String key, double fallback) {
        try {
            String value = values.getProperty(key);
            return value == null ? fallback : Double.parseDouble(value);
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
