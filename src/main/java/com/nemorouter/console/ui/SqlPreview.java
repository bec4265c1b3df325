package com.nemorouter.console.ui;

import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;

/**
 * Read-only SQL with keyword, string and comment colouring (a {@link TextFlow} of styled {@link Text} runs,
 * coloured from the theme's variables), in the monospace font, with a Copy SQL button and context menu.
 * A TextFlow cannot be selected, so copying is explicit; it always copies the exact SQL shown.
 */
public final class SqlPreview extends VBox {

    private final StringProperty sql = new SimpleStringProperty(this, "sql", "");
    private final TextFlow flow = new TextFlow();
    private final Button copyButton = new Button("Copy SQL");

    public SqlPreview() {
        getStyleClass().add("sql-preview");
        flow.getStyleClass().addAll("sql-preview__text", "mono");
        ScrollPane scroll = new ScrollPane(flow);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("sql-preview__scroll");
        VBox.setVgrow(scroll, Priority.ALWAYS);
        copyButton.getStyleClass().add("sql-preview__copy");
        copyButton.setOnAction(event -> copy());
        copyButton.disableProperty().bind(sql.isEmpty());
        MenuItem copyItem = new MenuItem("Copy SQL");
        copyItem.setOnAction(event -> copy());
        flow.setOnContextMenuRequested(event -> {
            new ContextMenu(copyItem).show(flow, event.getScreenX(), event.getScreenY());
            event.consume();
        });
        HBox bar = new HBox(copyButton);
        bar.setAlignment(Pos.CENTER_RIGHT);
        getChildren().addAll(scroll, bar);
        setSpacing(6);
        sql.addListener((observable, old, now) -> render(now));
    }

    public SqlPreview(String text) {
        this();
        setSql(text);
    }

    public StringProperty sqlProperty() {
        return sql;
    }

    public String getSql() {
        return sql.get();
    }

    public void setSql(String text) {
        sql.set(text == null ? "" : text);
    }

    /** The coloured runs, for tests and for anyone reading the node tree. */
    public TextFlow flow() {
        return flow;
    }

    public Button copyButton() {
        return copyButton;
    }

    private void copy() {
        String text = sql.get();
        Copying.copy(copyButton, "SQL", text, text.lines().count() + " lines, " + text.length() + " characters");
    }

    private void render(String text) {
        flow.getChildren().setAll(SqlText.runs(text).stream().map(run -> {
            Text node = new Text(run.text());
            // "text" as on a Label's text node, so the .mono font rule and the colour rules below match.
            node.getStyleClass().addAll("text", "sql", run.kind().styleClass());
            return node;
        }).toList());
    }
}
