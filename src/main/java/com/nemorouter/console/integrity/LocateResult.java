package com.nemorouter.console.integrity;

import java.util.List;

import com.nemorouter.console.presence.PresenceEntry;

/**
 * Where one id lives.
 *
 * @param input      what the user typed
 * @param searchedAs the id actually searched: a canonical UUID, a lowercase key hash or the text as given
 * @param kind       how the input was read
 * @param places     every column searched or skipped, with its role (organization, team, user, key, other)
 * @param entities   the organizations, teams and users the id names, to open in the browser
 */
public record LocateResult(String input, String searchedAs, Kind kind, List<PresenceEntry> places,
                           List<LocatedEntity> entities) {

    public enum Kind { UUID, KEY_HASH, TEXT }

    public LocateResult {
        places = List.copyOf(places);
        entities = List.copyOf(entities);
    }

    /** Columns that hold the id. */
    public List<PresenceEntry> found() {
        return places.stream().filter(place -> place.rows() > 0).toList();
    }

    /** Columns of tables whose rows row-level security hides from the role: unknown, not "0 rows". */
    public List<PresenceEntry> hidden() {
        return places.stream().filter(place -> place.status() == PresenceEntry.Status.HIDDEN).toList();
    }

    /** Unindexed columns of large tables that were not scanned (the user may scan them anyway). */
    public List<PresenceEntry> skipped() {
        return places.stream().filter(place -> place.status() == PresenceEntry.Status.NOT_SEARCHED).toList();
    }
}
