package com.nemorouter.console.archfixture.organization;

import javafx.application.Platform;

/** Hands work to the FX thread itself, beside the task runner. */
public class SneakyViewModel {
    void update() {
        Platform.runLater(() -> { });
    }
}
