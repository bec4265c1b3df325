package com.nemorouter.console.organization;

import java.util.List;

/**
 * A slice of the organization list in name order. {@code next} continues after the last row
 * (keyset paging), or is null when there is nothing more.
 */
public record OrganizationPage(List<OrganizationRow> rows, Cursor next) {

    public OrganizationPage {
        rows = List.copyOf(rows);
    }

    /** Position after a row in (sort key, id) order. */
    public record Cursor(String sortKey, String id) {
        public static final Cursor START = new Cursor("", "");
    }
}
