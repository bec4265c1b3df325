package com.nemorouter.console.app;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

import com.nemorouter.console.ui.Dialogs;
import com.nemorouter.console.ui.Theme;

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
final class WindowState implements Dialogs.SizeMemory {

    private static final Logger LOG = LoggerFactory.getLogger(WindowState.class);

    /** The main window's minimum size; also the stage's minimum, so 1024×700 screens fit. */
    static final double MIN_WIDTH = 960;
    static final double MIN_HEIGHT = 600;

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

    /**
     * True when the saved state came from a window smaller than the minimum: its size, splits and column
     * widths would squash the next session, so none of them is used (the profile and theme still are).
     */
    boolean savedFromTinyWindow() {
        double width = number("window.width", Double.NaN);
        double height = number("window.height", Double.NaN);
        return !Double.isNaN(width) && !Double.isNaN(height) && (width < MIN_WIDTH || height < MIN_HEIGHT);
    }

    /**
     * Restores size and position: the size clamped between the minimum and the screen, the position only
     * where the window would still be visible on some screen.
     */
    void applyTo(Stage stage) {
        stage.setMinWidth(MIN_WIDTH);
        stage.setMinHeight(MIN_HEIGHT);
        if (savedFromTinyWindow()) {
            LOG.info("Ignoring window state saved from a window smaller than {}x{}", MIN_WIDTH, MIN_HEIGHT);
            return;
        }
        double x = number("window.x", Double.NaN);
        double y = number("window.y", Double.NaN);
        double width = number("window.width", Double.NaN);
        double height = number("window.height", Double.NaN);
        if (!Double.isNaN(width) && !Double.isNaN(height)) {
            Rectangle2D screen = Screen.getPrimary().getVisualBounds();
            stage.setWidth(clamp(width, Math.min(MIN_WIDTH, screen.getWidth()), screen.getWidth()));
            stage.setHeight(clamp(height, Math.min(MIN_HEIGHT, screen.getHeight()), screen.getHeight()));
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
        if (savedFromTinyWindow()) {
            return;
        }
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
                    if (width >= 20 && width <= 2000) {
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

    /** The theme chosen last in View → Theme, or null when none was saved (or it is unreadable). */
    Theme theme() {
        try {
            String saved = values.getProperty("theme");
            return saved == null ? null : Theme.parse(saved);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    void rememberTheme(Theme theme) {
        values.setProperty("theme", theme.id());
    }

    @Override
    public double[] size(String key) {
        double width = number("dialog." + key + ".width", Double.NaN);
        double height = number("dialog." + key + ".height", Double.NaN);
        return Double.isNaN(width) || Double.isNaN(height) ? null : new double[] {width, height};
    }

    @Override
    public void rememberSize(String key, double width, double height) {
        values.setProperty("dialog." + key + ".width", Double.toString(width));
        values.setProperty("dialog." + key + ".height", Double.toString(height));
    }

    private static double clamp(double value, double min, double max) {
        return Math.max(min, Math.min(value, max));
    }

    String lastProfile() {
        return values.getProperty("profile.last", "");
    }

    /** Remembers the profile as the last one and at the head of the recent list (five at most). */
    void rememberProfile(String name) {
        values.setProperty("profile.last", name == null ? "" : name);
        if (name == null || name.isBlank()) {
            return;
        }
        java.util.List<String> recent = new java.util.ArrayList<>(recentProfiles());
        recent.removeIf(name::equalsIgnoreCase);
        recent.add(0, name);
        values.setProperty("profile.recent", String.join("\n", recent.subList(0, Math.min(5, recent.size()))));
    }

    /** Profiles connected to recently, newest first. */
    java.util.List<String> recentProfiles() {
        String saved = values.getProperty("profile.recent", "");
        return saved.isBlank() ? java.util.List.of() : java.util.List.of(saved.split("\n"));
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
