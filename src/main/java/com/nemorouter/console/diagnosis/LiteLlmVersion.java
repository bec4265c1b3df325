package com.nemorouter.console.diagnosis;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A LiteLLM proxy version, as far as its key checks differ ({@code shared/docs/litellm-key-checks.md}).
 * The boundaries are approximate (LiteLLM changed them without a release note); the README lists them.
 *
 * @param text how the version was given, e.g. {@code v1.84.2} or {@code newest}
 */
public record LiteLlmVersion(int major, int minor, int patch, String text) implements Comparable<LiteLlmVersion> {

    /** Budget errors are 429 (not 400), keys have a route gate and budgets are reserved up front. */
    static final LiteLlmVersion BUDGET_429 = new LiteLlmVersion(1, 84, 0, "v1.84");
    /** Organization budgets are enforced (December 2025). */
    static final LiteLlmVersion ORG_BUDGET = new LiteLlmVersion(1, 80, 0, "v1.80");
    /** An expired key is 401 (not 400) and an unknown key has its own type (after early 2025). */
    static final LiteLlmVersion EXPIRED_401 = new LiteLlmVersion(1, 65, 0, "v1.65");

    public static final LiteLlmVersion NEWEST = new LiteLlmVersion(Integer.MAX_VALUE, 0, 0, "newest");

    private static final Pattern FORM = Pattern.compile("v?(\\d{1,3})\\.(\\d{1,4})(?:\\.(\\d{1,4}))?(?:[-+._ ]?[A-Za-z0-9.-]*)?");

    /**
     * Parses {@code 1.84}, {@code v1.84.2}, {@code 1.84.2-stable} or {@code newest} / {@code latest}.
     *
     * @throws IllegalArgumentException naming what a valid version looks like
     */
    public static LiteLlmVersion parse(String input) {
        String text = input == null ? "" : input.strip();
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.equals("newest") || lower.equals("latest") || lower.equals("main-latest")) {
            return NEWEST;
        }
        Matcher matcher = FORM.matcher(lower);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a LiteLLM version: write it like 1.84, v1.83.7 "
                    + "or newest.");
        }
        int patch = matcher.group(3) == null ? 0 : Integer.parseInt(matcher.group(3));
        return new LiteLlmVersion(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)), patch,
                text.startsWith("v") ? text : "v" + text);
    }

    public boolean atLeast(LiteLlmVersion other) {
        return compareTo(other) >= 0;
    }

    /** Budget rejections: 400 before about v1.84, 429 from then on. */
    public int budgetStatus() {
        return atLeast(BUDGET_429) ? 429 : 400;
    }

    public int expiredStatus() {
        return atLeast(EXPIRED_401) ? 401 : 400;
    }

    public boolean enforcesOrgBudget() {
        return atLeast(ORG_BUDGET);
    }

    public boolean hasKeyRouteGate() {
        return atLeast(BUDGET_429);
    }

    public boolean reservesBudget() {
        return atLeast(BUDGET_429);
    }

    /** v1.94 briefly applied the user budget to keys of a team. */
    public boolean userBudgetAppliesToTeamKeys() {
        return major == 1 && minor == 94;
    }

    @Override
    public int compareTo(LiteLlmVersion other) {
        int byMajor = Integer.compare(major, other.major);
        if (byMajor != 0) {
            return byMajor;
        }
        int byMinor = Integer.compare(minor, other.minor);
        return byMinor != 0 ? byMinor : Integer.compare(patch, other.patch);
    }

    @Override
    public String toString() {
        return text;
    }
}
