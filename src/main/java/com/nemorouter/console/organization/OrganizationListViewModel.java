package com.nemorouter.console.organization;

import java.util.List;
import java.util.Map;

import com.nemorouter.console.ui.Latest;
import com.nemorouter.console.ui.TaskRunner;
import com.nemorouter.console.connection.FailureMessages;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The organization list: search text in, pages of rows out. Holds only the pages scrolled so far
 * (keyset paging), never the whole table. Results of a search that the user has since changed are
 * dropped, so fast typing cannot show stale rows.
 */
public final class OrganizationListViewModel {

    public static final int PAGE_SIZE = 200;

    private final OrganizationService service;

    private final StringProperty searchText = new SimpleStringProperty("");
    private final ObservableList<OrganizationRow> rows = FXCollections.observableArrayList();
    private final javafx.collections.ObservableMap<String, Long> memberCounts = FXCollections.observableHashMap();
    private final ObjectProperty<OrganizationRow> selected = new SimpleObjectProperty<>();
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private boolean loading;
    /** True while a refresh replaces rows: the table's momentary loss of selection is not the user's. */
    private boolean refreshing;
    private String pendingSelection;
    private final BooleanProperty hasMore = new SimpleBooleanProperty(false);
    private final javafx.beans.property.ReadOnlyIntegerWrapper refreshed = new javafx.beans.property.ReadOnlyIntegerWrapper(0);

    private OrganizationPage.Cursor next;
    /**
     * The current search and its follow-ups (member counts, refresh, more pages): a new search supersedes all
     * of them, on the server too, and their answers are dropped.
     */
    private final Latest listing;
    private String activeSearch = "";

    public OrganizationListViewModel(OrganizationService service, TaskRunner tasks) {
        this.service = service;
        this.listing = new Latest(tasks);
    }

    /** Starts a new search with the current text: first page and total count. */
    public void search() {
        activeSearch = searchText.get() == null ? "" : searchText.get();
        String text = activeSearch;
        next = null;
        hasMore.set(false);
        loading = true;
        error.set("");
        listing.run("Searching organizations", () -> {
                    OrganizationService.CountedPage first = service.firstPage(text, PAGE_SIZE);
                    return new SearchResult(first.page(), first.total());
                },
                result -> {
                    loading = false;
                    memberCounts.clear();
                    rows.setAll(result.page().rows());
                    next = result.page().next();
                    hasMore.set(next != null);
                    summary.set(describe(result.total(), text));
                    countMembers(result.page().rows());
                }, this::failed);
    }

    /**
     * Fills in the page's member counts once they are counted (a scan of LiteLLM's memberships, so the
     * rows show first). A newer search makes the answer stale: it is dropped.
     */
    private void countMembers(List<OrganizationRow> page) {
        List<String> ids = page.stream().filter(row -> row.memberCount() == OrganizationRow.NOT_COUNTED)
                .map(OrganizationRow::id).toList();
        if (ids.isEmpty()) {
            return;
        }
        listing.follow("Counting members", () -> service.memberCounts(ids), (Map<String, Long> counts) -> {
            // The counts land beside the rows, never by replacing them: a replaced row loses the table's
            // selection, and with it the open organization, whenever the count arrives after a click.
            for (String id : ids) {
                memberCounts.put(id, counts.getOrDefault(id, 0L));
            }
        }, this::failed);
    }

    /**
     * Re-reads the rows shown now (after an edit or a repair changed counts or presence), one statement
     * for as many rows as are loaded plus the count. Rows keep their place, so the selection and the
     * detail it drives stay put; only rows whose values changed are replaced.
     */
    public void refresh() {
        if (loading) {
            // A search is in flight: it will bring current rows anyway.
            return;
        }
        String text = activeSearch;
        int shown = Math.max(rows.size(), PAGE_SIZE);
        listing.follow("Refreshing organizations", () -> new SearchResult(service.search(text, null, shown), service.count(text)),
                result -> {
                    if (loading) {
                        return;
                    }
                    List<OrganizationRow> fresh = result.page().rows();
                    boolean sameRows = fresh.size() == rows.size() && java.util.stream.IntStream.range(0, fresh.size())
                            .allMatch(i -> fresh.get(i).id().equals(rows.get(i).id()));
                    refreshing = true;
                    try {
                        if (sameRows) {
                            for (int i = 0; i < fresh.size(); i++) {
                                if (!fresh.get(i).equals(rows.get(i))) {
                                    rows.set(i, fresh.get(i));
                                }
                            }
                        } else {
                            rows.setAll(fresh);
                        }
                    } finally {
                        refreshing = false;
                    }
                    next = result.page().next();
                    hasMore.set(next != null);
                    summary.set(describe(result.total(), text));
                    refreshed.set(refreshed.get() + 1);
                }, this::failed);
    }

    /**
     * Lists {@code organizationId} and selects it once its row arrives (Open from locate, the audit or a
     * context menu), so the list, not only the detail, shows what was opened.
     */
    public void show(String organizationId) {
        pendingSelection = organizationId;
        if (organizationId.equals(searchText.get())) {
            search();
        } else {
            // The view's debounced search runs for the new text and brings the row.
            searchText.set(organizationId);
        }
    }

    /** The organization {@link #show} waits to select, or null; the view selects it when it is listed. */
    public String pendingSelection() {
        return pendingSelection;
    }

    public void clearPendingSelection() {
        pendingSelection = null;
    }

    /** Appends the next page; a no-op while a page is loading or when the list is complete. */
    public void loadMore() {
        if (next == null || loading) {
            return;
        }
        OrganizationPage.Cursor from = next;
        String text = activeSearch;
        loading = true;
        listing.follow("Loading more organizations", () -> service.search(text, from, PAGE_SIZE), page -> {
            loading = false;
            rows.addAll(page.rows());
            next = page.next();
            hasMore.set(next != null);
        }, this::failed);
    }

    private void failed(Throwable failure) {
        loading = false;
        error.set(FailureMessages.describe("Loading organizations", failure));
    }

    private static String describe(long total, String text) {
        String noun = total == 1 ? " organization" : " organizations";
        return text.isBlank() ? total + noun : total + noun + " match \"" + text.strip() + "\"";
    }

    private record SearchResult(OrganizationPage page, long total) {
    }

    public StringProperty searchTextProperty() {
        return searchText;
    }

    /** Streamed member counts by organization id, for rows listed before they were counted. */
    public javafx.collections.ObservableMap<String, Long> memberCounts() {
        return memberCounts;
    }

    /** The member count the list shows for {@code row}: null while it is still being counted. */
    public Long memberCountOf(OrganizationRow row) {
        return row.memberCount() != OrganizationRow.NOT_COUNTED ? Long.valueOf(row.memberCount()) : memberCounts.get(row.id());
    }

    public ObservableList<OrganizationRow> rows() {
        return rows;
    }

    public ObjectProperty<OrganizationRow> selectedProperty() {
        return selected;
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public boolean isRefreshing() {
        return refreshing;
    }

    /** Counts completed refreshes (tests wait on it). */
    public javafx.beans.property.ReadOnlyIntegerProperty refreshedProperty() {
        return refreshed.getReadOnlyProperty();
    }

    public BooleanProperty hasMoreProperty() {
        return hasMore;
    }
}
