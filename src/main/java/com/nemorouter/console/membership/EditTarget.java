package com.nemorouter.console.membership;

import java.util.Map;
import java.util.Set;

/**
 * What a membership dialog knows about what it edits, so it can speak in words rather than UUIDs.
 *
 * @param name             the organization's or team's name ("Platform")
 * @param organizationName for a team, its organization's name; for an organization the same as {@code name};
 *                         null when unknown
 * @param names            names for ids the edit may touch: organization, teams (names), users (emails)
 * @param members          user ids already in the organization or on the team (the picker marks them)
 * @param currentRole      for a role change of one user, that user's role now; else null
 */
public record EditTarget(String name, String organizationName, Map<String, String> names, Set<String> members,
                         String currentRole) {

    public EditTarget {
        names = Map.copyOf(names);
        members = Set.copyOf(members);
    }

    /** A target known only by its id (the command line and tests that do not care about wording). */
    public static EditTarget unnamed(String id) {
        return new EditTarget(id, null, Map.of(), Set.of(), null);
    }

    /** The words for {@code id}: a name or email when known, else the id itself. */
    public String nameOf(String id) {
        String known = id == null ? null : names.get(id);
        return known == null || known.isBlank() ? id : known;
    }
}
