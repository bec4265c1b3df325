package com.nemorouter.console.organization;

import java.util.List;
import java.util.Map;

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
    private final TaskRunner tasks;

    private final StringProperty searchText = new SimpleStringProperty("");
    private final ObservableList<OrganizationRow> rows = FXCollections.observableArrayList();
    private final ObjectProperty<OrganizationRow> selected = new SimpleObjectProperty<>();
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private boolean loading;
    private final BooleanProperty hasMore = new SimpleBooleanProperty(false);

    private OrganizationPage.Cursor next;
    private int generation;
    private String activeSearch = "";

    public OrganizationListViewModel(OrganizationService service, TaskRunner tasks) {
        this.service = service;
        this.tasks = tasks;
    }

    /** Starts a new search with the current text: first page and total count. */
    public void search() {
        int request = ++generation;
        activeSearch = searchText.get() == null ? "" : searchText.get();
        String text = activeSearch;
        next = null;
        hasMore.set(false);
        loading = true;
        error.set("");
        tasks.run("Searching organizations", () -> {
                    OrganizationService.CountedPage first = service.firstPage(text, PAGE_SIZE);
                    return new SearchResult(first.page(), first.total());
                },
                result -> {
                    if (request != generation) {
                        return;
                    }
                    loading = false;
                    rows.setAll(result.page().rows());
                    next = result.page().next();
                    hasMore.set(next != null);
                    summary.set(describe(result.total(), text));
                    countMembers(request, result.page().rows());
                }, failure -> failed(request, failure));
    }

    /**
     * Fills in the page's member counts once they are counted (a scan of LiteLLM's memberships, so the
     * rows show first). A newer search makes the answer stale: it is dropped.
     */
    private void countMembers(int request, List<OrganizationRow> page) {
        List<String> ids = page.stream().filter(row -> row.memberCount() == OrganizationRow.NOT_COUNTED)
                .map(OrganizationRow::id).toList();
        if (ids.isEmpty()) {
            return;
        }
        tasks.run("Counting members", () -> service.memberCounts(ids), (Map<String, Long> counts) -> {
            if (request != generation) {
                return;
            }
            rows.replaceAll(row -> row.memberCount() == OrganizationRow.NOT_COUNTED
                    ? row.withMemberCount(counts.getOrDefault(row.id(), 0L)) : row);
        }, failure -> failed(request, failure));
    }

    /** Appends the next page; a no-op while a page is loading or when the list is complete. */
    public void loadMore() {
        if (next == null || loading) {
            return;
        }
        int request = generation;
        OrganizationPage.Cursor from = next;
        String text = activeSearch;
        loading = true;
        tasks.run("Loading more organizations", () -> service.search(text, from, PAGE_SIZE), page -> {
            if (request != generation) {
                return;
            }
            loading = false;
            rows.addAll(page.rows());
            next = page.next();
            hasMore.set(next != null);
        }, failure -> failed(request, failure));
    }

    private void failed(int request, Throwable failure) {
        if (request != generation) {
            return;
        }
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

    public BooleanProperty hasMoreProperty() {
        return hasMore;
    }
}
