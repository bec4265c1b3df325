package com.nemorouter.console.ui;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;

import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;

/**
 * Loads {@code <ViewClass>.fxml} from the view's own package with the view instance as controller,
 * so views are constructed by the composition root (with their ViewModel) and never by FXML.
 */
public final class ViewLoader {

    private ViewLoader() {
    }

    public static Parent load(Object view) {
        String name = view.getClass().getSimpleName() + ".fxml";
        URL resource = view.getClass().getResource(name);
        if (resource == null) {
            throw new IllegalStateException("No FXML " + name + " next to " + view.getClass().getName());
        }
        FXMLLoader loader = new FXMLLoader(resource);
        loader.setController(view);
        try {
            return loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not load " + name, e);
        }
    }
}
