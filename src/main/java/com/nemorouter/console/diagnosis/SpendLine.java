package com.nemorouter.console.diagnosis;

import java.time.LocalDateTime;

/**
 * Spend against max_budget for one scope of a key (key, team, team member, user, organization).
 *
 * @param maxBudget     null when the scope has no budget
 * @param budgetResetAt UTC, null when the budget never resets
 * @param spend24h      the scope's spend in {@code LiteLLM_SpendLogs} over the last 24 hours; null when not read
 */
public record SpendLine(String scope, String id, double spend, Double maxBudget, LocalDateTime budgetResetAt,
                        Double spend24h) {

    /** Percentage of the budget used, e.g. {@code 87%}; empty without a budget. */
    public String percentUsed() {
        return maxBudget == null ? "" : KeyChecks.percent(spend, maxBudget);
    }

    /** {@code key  12.5 / 100.0 (13%), resets 2026-12-31T00:00 UTC}. */
    public String describe() {
        StringBuilder text = new StringBuilder(scope).append(' ').append(id == null ? "-" : id).append(": ")
                .append(spend);
        text.append(maxBudget == null ? " (no max_budget)" : " / " + maxBudget + " (" + percentUsed() + ")");
        if (budgetResetAt != null) {
            text.append(", resets ").append(budgetResetAt).append(" UTC");
        }
        if (spend24h != null) {
            text.append(", SpendLogs last 24 h: ").append(spend24h);
        }
        return text.toString();
    }
}
