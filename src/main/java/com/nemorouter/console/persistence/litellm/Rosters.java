package com.nemorouter.console.persistence.litellm;

/**
 * A team's roster, {@code LiteLLM_TeamTable.members_with_roles}, as SQL. LiteLLM's column default is the
 * JSON object {@code {}}, and teams created that way keep it until someone is added, so the column is not
 * always an array. LiteLLM reads such a roster as empty; every statement that expands, counts or searches
 * a roster must do the same, or {@code jsonb_array_elements} fails on the first such team. This class is
 * the one place that rule is written.
 */
public final class Rosters {

    private Rosters() {
    }

    /** True when the jsonb expression {@code column} is an array: the test every roster reader applies. */
    public static String isArray(String column) {
        return "jsonb_typeof(" + column + ") = 'array'";
    }

    /**
     * The roster of team row {@code alias} as a jsonb array: the column when it is an array, else {@code []}.
     * Expand it with {@code jsonb_array_elements(Rosters.members("t"))}.
     */
    public static String members(String alias) {
        String column = alias + ".members_with_roles";
        return "(case when " + isArray(column) + " then " + column + " else '[]'::jsonb end)";
    }

    /**
     * True when team row {@code alias}'s roster has an entry for the user id {@code userId} (an SQL text
     * expression, e.g. {@code cast(:user as text)}): one containment test on the column, guarded by the
     * array rule, rather than expanding the roster.
     */
    public static String includes(String alias, String userId) {
        String column = alias + ".members_with_roles";
        return "(" + isArray(column) + " and " + column
                + " @> jsonb_build_array(jsonb_build_object('user_id', " + userId + ")))";
    }

    /** The number of entries on team row {@code alias}'s roster (0 for a non-array roster). */
    public static String size(String alias) {
        return "jsonb_array_length(" + members(alias) + ")";
    }
}
