package com.nemorouter.console.archfixture.wiring;

import javafx.stage.Stage;

/** Wiring that needs a window, so the command line could not use it. */
public class WindowedWiring {
    Stage stage;
}
