package com.nemorouter.console.integrity;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import com.nemorouter.console.connection.FailureMessages;
import com.nemorouter.console.presence.PresenceEntry;
import com.nemorouter.console.ui.Latest;
import com.nemorouter.console.ui.TaskRunner;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Locate any id, anywhere. (Keys are resolved and diagnosed by the key screen, {@code diagnosis}.)
 */
public final class LocateViewModel {

    static final String TYPE_AN_ID = "Type an id and press Enter.";

    private final LocateService locateService;
    private final Consumer<LocatedEntity> opener;

    private final StringProperty input = new SimpleStringProperty("");
    private final ObservableList<PresenceEntry> places = FXCollections.observableArrayList();
    private final ObservableList<LocatedEntity> entities = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper placeholder = new ReadOnlyStringWrapper(TYPE_AN_ID);
    private final ReadOnlyBooleanWrapper searching = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper canScanAnyway = new ReadOnlyBooleanWrapper(false);

    private LocateResult last;
    /** The search shown: a new one supersedes it, Cancel stops it on the server. */
    private final Latest search;

    /** @param opener shows an entity in the browser (the composition root's navigation) */
    public LocateViewModel(LocateService locateService, TaskRunner tasks, Consumer<LocatedEntity> opener) {
        this.locateService = locateService;
        this.opener = opener;
        this.search = new Latest(tasks);
    }

    public void locate() {
        search(input.get(), Set.of());
    }

    /** Scans the large unindexed tables the last search skipped; {@link #cancel} stops it on the server. */
    public void scanAnyway() {
        if (last == null || last.skipped().isEmpty()) {
            return;
        }
        search(last.searchedAs(), last.skipped().stream()
                .map(place -> place.qualifiedTable() + "." + place.column()).collect(Collectors.toSet()));
    }

    private void search(String text, Set<String> scanAnyway) {
        error.set("");
        try {
            LocateService.validate(text);
        } catch (IllegalArgumentException e) {
            // The old result would read as the answer to the new, invalid input: clear it first.
            search.discard();
            clearResult();
            searching.set(false);
            error.set(e.getMessage());
            placeholder.set("Nothing searched: " + e.getMessage());
            return;
        }
        searching.set(true);
        message.set(scanAnyway.isEmpty() ? "Searching…" : "Scanning " + scanAnyway.size() + " large table(s)… (Cancel stops the scan)");
        search.run("Locating an id", () -> locateService.locate(text, scanAnyway), result -> {
            searching.set(false);
            show(result);
        }, failure -> {
            searching.set(false);
            if (failure instanceof CancellationException) {
                message.set("Scan cancelled.");
            } else {
                clearResult();
                error.set(FailureMessages.describe("Locating", failure));
                placeholder.set("The search failed; see above.");
            }
        });
    }

    private void show(LocateResult result) {
        last = result;
        List<PresenceEntry> listed = new ArrayList<>(result.found());
        listed.addAll(result.skipped());
        listed.addAll(result.hidden());
        places.setAll(listed);
        entities.setAll(result.entities());
        canScanAnyway.set(!result.skipped().isEmpty());
        int tables = result.found().size();
        placeholder.set(listed.isEmpty() ? result.searchedAs() + " was found in no table." : TYPE_AN_ID);
        message.set(result.searchedAs() + ": " + (tables == 0 ? "found in no table" : "found in " + tables
                + (tables == 1 ? " column" : " columns"))
                + (result.skipped().isEmpty() ? "" : "; " + result.skipped().size() + " large unindexed column(s) not searched")
                + (result.hidden().isEmpty() ? "" : "; " + result.hidden().size()
                        + " column(s) hidden by row-level security"));
    }

    private void clearResult() {
        last = null;
        places.clear();
        entities.clear();
        canScanAnyway.set(false);
        message.set("");
    }

    public void cancel() {
        if (!searching.get()) {
            return;
        }
        message.set("Cancelling…");
        search.cancel();
    }

    public void open(LocatedEntity entity) {
        if (entity != null) {
            opener.accept(entity);
        }
    }

    public StringProperty inputProperty() {
        return input;
    }

    public ObservableList<PresenceEntry> places() {
        return places;
    }

    public ObservableList<LocatedEntity> entities() {
        return entities;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** What the empty result table says: "Type an id…" before a search, "found in no table" after one. */
    public ReadOnlyStringProperty placeholderProperty() {
        return placeholder.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty searchingProperty() {
        return searching.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canScanAnywayProperty() {
        return canScanAnyway.getReadOnlyProperty();
    }
}
