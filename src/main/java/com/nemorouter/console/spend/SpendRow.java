package com.nemorouter.console.spend;

import java.time.LocalDateTime;
import java.util.Locale;

/**
 * Spend against max_budget for one organization, team, member or team member, as LiteLLM stores it.
 *
 * @param scope         {@code organization}, {@code team}, {@code member} or {@code team member}
 * @param id            the row's id ({@code <team>/<user>} for a team member)
 * @param maxBudget     null when there is no budget
 * @param budgetResetAt UTC, null when the budget never resets
 * @param spend24h      spend in {@code LiteLLM_SpendLogs} over the last 24 hours; null when SpendLogs was not read
 *                      (or cannot be attributed: team members)
 */
public record SpendRow(String scope, String id, String name, double spend, Double maxBudget, LocalDateTime budgetResetAt,
                       Double spend24h) {

    /** {@code 87%}, {@code over} for a zero budget with spend, empty without a budget. */
    public String percentUsed() {
        if (maxBudget == null) {
            return "";
        }
        if (maxBudget <= 0) {
            return spend > 0 ? "over" : "0%";
        }
        return String.format(Locale.ROOT, "%.0f%%", spend * 100 / maxBudget);
    }

    /** True when LiteLLM would count this budget as reached (the most cautious operator, {@code >=}). */
    public boolean atOrOverBudget() {
        return maxBudget != null && spend >= maxBudget;
    }
}
