package com.nemorouter.console.bench;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the operations run against, picked once (untimed) from the data ({@link DatasetSurvey}): the worst
 * cases, except the busy team {@code edit} adds to.
 *
 * @param edit      a team at the 99th percentile of roster size; null when no team has an org member to add
 * @param largeEdit the largest org's largest team; null likewise
 */
public record Targets(String largestOrg, long largestOrgMembers, String searchText, String uuidPrefix,
                      String member, String memberEmail, String team, String keyHash, EditTarget edit,
                      EditTarget largeEdit) {

    /** A team add's target: the team, the org member it adds, and how many entries the roster has. */
    public record EditTarget(String team, String user, long rosterEntries) {
    }

    /** The edit operations there is a target for, by operation name, in the contract's order. */
    Map<String, EditTarget> edits() {
        Map<String, EditTarget> edits = new LinkedHashMap<>();
        if (edit != null) {
            edits.put("edit", edit);
        }
        if (largeEdit != null) {
            edits.put("edit_large_team", largeEdit);
        }
        return edits;
    }
}
