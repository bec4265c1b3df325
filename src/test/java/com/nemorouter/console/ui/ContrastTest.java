package com.nemorouter.console.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import com.nemorouter.console.presence.Mark;
import com.nemorouter.console.presence.MarkStyle;

import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * WCAG AA (4.5:1) for text on the rows that were hard to read: a selected row (list focused), a selected
 * row of an unfocused list, a drift row, and a selected drift row, with plain text and the red "missing"
 * mark, in both themes. The colours are the ones JavaFX resolved on the rendered cells, not the CSS text.
 */
class ContrastTest extends FxRobot {

    private static final double AA = 4.5;

    private Stage stage;
    private TableView<String> table;
    private TextField elsewhere;

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupStages();
        WaitForAsyncUtils.asyncFx(() -> new Appearance(Theme.LIGHT)).get();
    }

    @ParameterizedTest
    @EnumSource(Theme.class)
    void selectedUnfocusedAndDriftRowsMeetAa(Theme theme) throws Exception {
        FxToolkit.registerPrimaryStage();
        stage = FxToolkit.setupStage(stage -> {
            table = new TableView<>();
            table.getItems().addAll("plain", "drift", "drift selected", "plain selected");
            TableColumn<String, String> name = new TableColumn<>("Name");
            name.setCellValueFactory(cell -> new ReadOnlyStringWrapper(cell.getValue()));
            TableColumn<String, String> mark = new TableColumn<>("Presence");
            mark.setCellValueFactory(cell -> new ReadOnlyStringWrapper("nemo only"));
            mark.setCellFactory(column -> new TableCell<>() {
                @Override
                protected void updateItem(String item, boolean empty) {
                    super.updateItem(item, empty);
                    setText(empty ? null : item);
                    MarkStyle.apply(this, empty ? null : Mark.PARTIAL);
                }
            });
            table.getColumns().setAll(List.of(name, mark));
            // The organization list's drift rows carry this class (OrganizationListView).
            table.setRowFactory(view -> new TableRow<>() {
                @Override
                protected void updateItem(String item, boolean empty) {
                    super.updateItem(item, empty);
                    getStyleClass().remove("organization-row--drift");
                    if (!empty && item.startsWith("drift")) {
                        getStyleClass().add("organization-row--drift");
                    }
                }
            });
            elsewhere = new TextField();
            Scene scene = new Scene(new VBox(elsewhere, table), 600, 300);
            new Appearance(theme).style(scene);
            stage.setScene(scene);
            stage.show();
        });

        List<String> failures = new ArrayList<>();
        // Selection state 1: nothing selected, drift row as such.
        check(failures, theme, "drift row", 1);
        for (boolean focused : new boolean[] {true, false}) {
            for (int row : new int[] {2, 3}) {
                int index = row;
                WaitForAsyncUtils.asyncFx(() -> {
                    table.getSelectionModel().clearAndSelect(index);
                    (focused ? (Node) table : elsewhere).requestFocus();
                }).get();
                WaitForAsyncUtils.waitForFxEvents();
                assertThat(table.isFocused()).isEqualTo(focused);
                check(failures, theme, (focused ? "selected " : "unfocused-selected ") + table.getItems().get(row), row);
            }
        }
        assertThat(failures).as("text below WCAG AA in " + theme).isEmpty();
    }

    private void check(List<String> failures, Theme theme, String what, int index) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.asyncFx(() -> {
            TableRow<?> row = table.lookupAll(".table-row-cell").stream().map(node -> (TableRow<?>) node)
                    .filter(each -> each.getIndex() == index).findFirst().orElseThrow();
            Color behind = composite(row, background((Region) table.getScene().getRoot()));
            for (Node node : row.lookupAll(".table-cell")) {
                TableCell<?, ?> cell = (TableCell<?, ?>) node;
                Color text = (Color) cell.getTextFill();
                double ratio = contrast(text, behind);
                System.out.printf("%s %-32s %-14s text %s on %s: %.2f%n", theme, what,
                        cell.getPseudoClassStates().contains(MarkStyle.pseudoClass(Mark.PARTIAL)) ? "mark" : "text", text, behind, ratio);
                if (ratio < AA) {
                    failures.add(String.format("%s %s (%s): %.2f", theme, what, cell.getText(), ratio));
                }
            }
        }).get();
    }

    private static Color background(Region region) {
        return composite(region, Color.WHITE);
    }

    /**
     * Paints the region's background fills, in order, over {@code under} (fills may be translucent). Every
     * row fill is inset at most 4px on the left and 1px at the bottom, so all of them lie under the text.
     */
    private static Color composite(Region region, Color under) {
        Color result = under;
        if (region.getBackground() == null) {
            return result;
        }
        for (BackgroundFill fill : region.getBackground().getFills()) {
            if (fill.getFill() instanceof Color colour) {
                result = over(colour, result);
            }
        }
        return result;
    }

    static Color over(Color top, Color bottom) {
        double a = top.getOpacity();
        return Color.color(top.getRed() * a + bottom.getRed() * (1 - a), top.getGreen() * a + bottom.getGreen() * (1 - a),
                top.getBlue() * a + bottom.getBlue() * (1 - a));
    }

    /** WCAG 2.x contrast ratio. */
    static double contrast(Color a, Color b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    private static double luminance(Color c) {
        return 0.2126 * channel(c.getRed()) + 0.7152 * channel(c.getGreen()) + 0.0722 * channel(c.getBlue());
    }

    private static double channel(double value) {
        return value <= 0.03928 ? value / 12.92 : Math.pow((value + 0.055) / 1.055, 2.4);
    }

}
