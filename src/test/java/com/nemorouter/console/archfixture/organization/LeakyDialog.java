package com.nemorouter.console.archfixture.organization;

import jakarta.persistence.EntityManager;
import javafx.scene.control.Label;

/** UI code by what it uses, though not named …View: it must not reach the entity manager. */
public class LeakyDialog {
    Label title;
    EntityManager entities;
}
