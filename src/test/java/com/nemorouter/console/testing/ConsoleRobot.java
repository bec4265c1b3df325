package com.nemorouter.console.testing;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

import com.nemorouter.console.organization.OrganizationRow;

import javafx.scene.Node;
import javafx.scene.control.TableView;

import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** What every UI test needs: node lookup by selector and waiting on a condition (never on a clock). */
public abstract class ConsoleRobot extends FxRobot {

    protected <T extends Node> T find(String query) {
        return lookup(query).query();
    }

    protected TableView<OrganizationRow> organizationTable() {
        return find("#organization-table");
    }

    /** Waits up to 20 s for {@code condition}, then for pending FX events, so assertions see a settled scene. */
    protected static void waitUntil(BooleanSupplier condition) {
        try {
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, condition::getAsBoolean);
        } catch (TimeoutException e) {
            throw new AssertionError("condition not met within 20 s", e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }
}
