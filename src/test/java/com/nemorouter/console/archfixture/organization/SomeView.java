package com.nemorouter.console.archfixture.organization;

import javafx.scene.layout.VBox;

/** A view: it builds a scene graph. */
public class SomeView extends VBox {
}
