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

    /** The id cell inside {@code table} that stands for {@code id} (its text may be elided in the middle). */
    protected Node idCell(Node table, String id) {
        return from(table).lookup((Node node) -> node instanceof com.nemorouter.console.ui.IdCell<?> cell
                && id.equals(cell.fullValue())).query();
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
