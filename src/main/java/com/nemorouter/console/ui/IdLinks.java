package com.nemorouter.console.ui;

import java.util.function.Consumer;

/**
 * Where a context menu's "Open in Locate" and "Open organization" go. Views get one instance from the composition root,
 * which points it at the locate window once that exists (screens are built before the tool windows).
 */
public final class IdLinks {

    private Consumer<String> locate = id -> { };
    private Consumer<String> openOrganization = id -> { };

    public void locate(String id) {
        if (id != null && !id.isEmpty()) {
            locate.accept(id);
        }
    }

    public void setLocate(Consumer<String> locate) {
        this.locate = locate;
    }

    /** Shows an organization in the browser (list and detail): "Open organization" in a context menu. */
    public void openOrganization(String id) {
        if (id != null && !id.isEmpty()) {
            openOrganization.accept(id);
        }
    }

    public void setOpenOrganization(Consumer<String> openOrganization) {
        this.openOrganization = openOrganization;
    }
}
