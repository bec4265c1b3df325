package com.nemorouter.console.presence;

import java.util.List;

import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The one UUID flowing into each system, drawn like the design's diagram: the id on top, then one
 * lane per system with a card per table and its row count. A missing expected row is a red card with
 * a cross and the word MISSING, so it reads without colour too.
 */
public final class PresenceFlowView {

    private static final double CARD_WIDTH = 280;

    private final VBox root = new VBox(10);
    private final Label idLabel = new Label();
    /** What is still being counted, or why a count is missing; hidden when empty. */
    private final Label noteLabel = new Label();
    private final VBox lanes = new VBox(10);

    public PresenceFlowView() {
        root.getStyleClass().add("presence-flow");
        idLabel.getStyleClass().add("presence-flow__id");
        // The sentence names a whole UUID: it wraps rather than cutting the id off at a narrow width.
        idLabel.setWrapText(true);
        idLabel.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        lanes.getStyleClass().add("presence-flow__lanes");
        noteLabel.setId("presence-note");
        noteLabel.setWrapText(true);
        noteLabel.setMinHeight(Region.USE_PREF_SIZE);
        noteLabel.managedProperty().bind(noteLabel.visibleProperty());
        noteLabel.setVisible(false);
        root.getChildren().addAll(idLabel, noteLabel, lanes);
    }

    public ScrollPane node() {
        ScrollPane scroll = new ScrollPane(root);
        scroll.setFitToWidth(true);
        VBox.setVgrow(scroll, javafx.scene.layout.Priority.ALWAYS);
        scroll.getStyleClass().add("presence-flow__scroll");
        return scroll;
    }

    /**
     * @param note        a line under the id: what is still being counted (while the report has pending entries,
     *                    in the muted "pending" style) or, once none is, why some counts are missing (a failed or
     *                    cancelled read, as an error); "" for none
     * @param backendLine what the NemoRouter backend would derive from this id (the third lane), or null
     *                    to draw only the two database lanes
     */
    public void show(PresenceReport report, String note, String backendLine, boolean backendOk) {
        idLabel.setText(report.kind().label() + " UUID " + report.id() + "  flows into:");
        showNote(note, report.isComplete());
        lanes.getChildren().setAll(
                lane("Supabase (schemas nemo, auth)", report.entries(Side.SUPABASE)),
                lane("LiteLLM (public)", report.entries(Side.LITELLM)));
        if (backendLine != null) {
            VBox backend = laneBox("Backend (in-path)");
            Label card = new Label((backendOk ? "✔ " : "✘ ") + backendLine);
            card.setWrapText(true);
            card.getStyleClass().addAll("presence-card", backendOk ? "presence-card--found" : "presence-card--missing");
            card.setMaxWidth(Double.MAX_VALUE);
            card.setId("presence-backend");
            backend.getChildren().add(card);
            lanes.getChildren().add(backend);
        }
    }

    private void showNote(String note, boolean problem) {
        noteLabel.setText(note);
        noteLabel.setVisible(!note.isEmpty());
        noteLabel.getStyleClass().remove("error-text");
        if (problem) {
            MarkStyle.apply(noteLabel, null);
            noteLabel.getStyleClass().add("error-text");
        } else {
            MarkStyle.apply(noteLabel, Mark.PENDING);
        }
    }

    public void clear() {
        idLabel.setText("");
        showNote("", false);
        lanes.getChildren().clear();
    }

    private static VBox lane(String title, List<PresenceEntry> entries) {
        VBox lane = laneBox(title);
        FlowPane cards = new FlowPane(6, 6);
        entries.stream()
                .sorted((a, b) -> Boolean.compare(b.expected(), a.expected()))
                .forEach(entry -> cards.getChildren().add(card(entry)));
        lane.getChildren().add(cards);
        return lane;
    }

    private static VBox laneBox(String title) {
        VBox lane = new VBox(6);
        lane.getStyleClass().add("presence-lane");
        lane.setMaxWidth(Double.MAX_VALUE);
        Label heading = new Label(title);
        heading.getStyleClass().add("presence-lane__title");
        lane.getChildren().add(heading);
        return lane;
    }

    /** Two lines: where (schema.table.column) and what was found, so neither is ever cut off. */
    private static VBox card(PresenceEntry entry) {
        Label table = new Label(entry.table());
        table.getStyleClass().add("presence-card__table");
        Label count = new Label(entry.column() + ":  " + entry.describeCount());
        count.getStyleClass().add("presence-card__count");
        count.setMinWidth(Region.USE_PREF_SIZE);
        if (entry.status() == PresenceEntry.Status.PENDING) {
            // Not a zero and not a problem: a count on its way, styled as pending until it lands.
            MarkStyle.apply(count, Mark.PENDING);
        }
        VBox card = new VBox(2, table, count);
        card.setPrefWidth(CARD_WIDTH);
        card.setAlignment(Pos.CENTER_LEFT);
        card.getStyleClass().addAll("presence-card", "presence-card--" + entry.status().name().toLowerCase(java.util.Locale.ROOT));
        card.setId("presence-" + entry.table() + "-" + entry.column());
        Tooltip.install(card, new Tooltip(entry.role() + " · " + entry.qualifiedTable() + "." + entry.column()
                + (entry.expected() ? " · must hold the id" : "")));
        return card;
    }
}
