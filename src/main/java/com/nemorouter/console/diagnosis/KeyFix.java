package com.nemorouter.console.diagnosis;

import java.util.ArrayList;
import java.util.List;

/** The fixes an admin can apply from a diagnosis, each one UPDATE of one LiteLLM row. */
public enum KeyFix {
    UNBLOCK_KEY("Unblock the key", null),
    UNBLOCK_TEAM("Unblock the team", null),
    EXTEND_EXPIRY("Extend the key's expiry", "new expiry in UTC, e.g. 2027-01-31 or 2027-01-31T18:00"),
    RAISE_KEY_BUDGET("Raise the key's max_budget", "new max_budget, e.g. 250"),
    RAISE_TEAM_BUDGET("Raise the team's max_budget", "new max_budget, e.g. 1000"),
    ADD_KEY_MODEL("Add a model to the key's models", "model, e.g. gpt-4o"),
    ADD_TEAM_MODEL("Add a model to the team's models", "model, e.g. gpt-4o");

    private final String title;
    private final String valueHint;

    KeyFix(String title, String valueHint) {
        this.title = title;
        this.valueHint = valueHint;
    }

    public String title() {
        return title;
    }

    /** What the fix needs typed in, or null when it needs nothing. */
    public String valueHint() {
        return valueHint;
    }

    public boolean needsValue() {
        return valueHint != null;
    }

    /** The fixes for the checks that fail in {@code diagnosis}, in LiteLLM's order. */
    public static List<KeyFix> suggested(KeyDiagnosis diagnosis) {
        List<KeyFix> fixes = new ArrayList<>();
        for (CheckLine line : diagnosis.checks()) {
            if (line.result() != Outcome.FAIL) {
                continue;
            }
            switch (line.check()) {
                case KEY_BLOCKED -> fixes.add(UNBLOCK_KEY);
                case TEAM_BLOCKED -> {
                    if (!line.detail().contains("has no LiteLLM_TeamTable row")) {
                        fixes.add(UNBLOCK_TEAM);
                    }
                }
                case KEY_EXPIRED -> fixes.add(EXTEND_EXPIRY);
                case KEY_BUDGET -> fixes.add(RAISE_KEY_BUDGET);
                case TEAM_BUDGET -> fixes.add(RAISE_TEAM_BUDGET);
                case KEY_MODEL_ACCESS -> fixes.add(ADD_KEY_MODEL);
                case TEAM_MODEL_ACCESS -> fixes.add(ADD_TEAM_MODEL);
                default -> {
                    // No one-row fix: budgets of members, users and organizations, routes and SCIM are decisions.
                }
            }
        }
        return fixes;
    }

    @Override
    public String toString() {
        return title;
    }
}
