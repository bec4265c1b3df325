package com.nemorouter.console.testing;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

import com.nemorouter.console.organization.OrganizationRow;

import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.control.TableView;

import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * What every UI test needs: the real console started and closed, node lookup by selector and waiting on a
 * condition (never on a clock).
 */
public abstract class ConsoleRobot extends FxRobot {

    /** Starts the real console, blind to the developer's own DATABASE_URL, with {@code arguments}. */
    protected static Application launchConsole(String... arguments) throws Exception {
        FxToolkit.registerPrimaryStage();
        return FxToolkit.setupApplication(ConsoleWithoutEnvironment.class, arguments);
    }

    /** Closes what {@link #launchConsole} started (nothing when it did not start) and its windows. */
    protected static void closeConsole(Application application) throws Exception {
        if (application != null) {
            FxToolkit.cleanupApplication(application);
        }
        FxToolkit.cleanupStages();
    }

    /** Waits until the organization list shows every organization of the seed. */
    protected void waitForSeedOrganizations() {
        waitUntil(() -> lookup("#organization-table").tryQuery().isPresent()
                && organizationTable().getItems().size() == Seed.ORGANIZATIONS);
    }

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

    /**
     * Waits up to 60 s for {@code condition}, then for pending FX events, so assertions see a settled scene.
     * Generous because the build machine is shared: a first start of the window can take 20 s under load.
     */
    protected static void waitUntil(BooleanSupplier condition) {
        try {
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, condition::getAsBoolean);
        } catch (TimeoutException e) {
            throw new AssertionError("condition not met within 60 s", e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }
}
