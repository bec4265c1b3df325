package com.nemorouter.console.archfixture.organization;

import java.sql.Connection;

import javafx.beans.property.SimpleStringProperty;

/** Data code (JDBC) that sets a JavaFX property itself instead of returning a record. */
public class FxAwareService {
    Connection connection;
    SimpleStringProperty status;
}
