package com.nemorouter.console.connection;

import java.util.List;
import java.util.Objects;

/**
 * Which LiteLLM schema generation a database holds, recognised from the optional columns newer LiteLLM
 * versions added ({@code real-deployments.md}). The console works on every version from 0.4.64 to the
 * newest; other features (key diagnosis) use this to assume which LiteLLM version wrote the rows.
 *
 * @param era    the recognised generation
 * @param absent the optional columns missing from tables that exist, in {@link #OPTIONAL_COLUMNS} order
 */
public record LiteLlmGeneration(Era era, List<OptionalColumn> absent) {

    public enum Era {
        /** Every optional column is present. */
        NEWEST("newest"),
        /** Some optional columns are present, some not: a version between 0.4.64 and the newest. */
        BETWEEN("between 0.4.64 and newest"),
        /** None of the optional columns is present: LiteLLM 0.4.64 or a version of its time. */
        V0_4_64("0.4.64-era"),
        /** LiteLLM's tables are not there (or not readable), so no generation can be recognised. */
        UNKNOWN("not recognised");

        private final String label;

        Era(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** A column the newest LiteLLM has and 0.4.64 does not, and what its absence costs the console. */
    public record OptionalColumn(String table, String column, String cost) {
    }

    /** The columns newest LiteLLM has and 0.4.64 lacks; the console never needs any of them. */
    public static final List<OptionalColumn> OPTIONAL_COLUMNS = List.of(
            new OptionalColumn("LiteLLM_VerificationToken", "budget_limits",
                    "nothing; key archives copy the columns both key tables have"),
            new OptionalColumn("LiteLLM_DeletedVerificationToken", "budget_limits",
                    "archived keys keep no budget_limits"),
            new OptionalColumn("LiteLLM_TeamTable", "budget_limits",
                    "nothing; team archives copy the columns both team tables have"),
            new OptionalColumn("LiteLLM_TeamTable", "default_team_member_models",
                    "nothing; the console does not set default models for new team members"),
            new OptionalColumn("LiteLLM_DeletedTeamTable", "budget_limits",
                    "archived teams keep no budget_limits"),
            new OptionalColumn("LiteLLM_DeletedTeamTable", "default_team_member_models",
                    "archived teams keep no default_team_member_models"),
            new OptionalColumn("LiteLLM_TeamMembership", "total_spend",
                    "nothing; the console writes team memberships without it and never reads it"),
            new OptionalColumn("LiteLLM_BudgetTable", "allowed_models",
                    "nothing; budgets the console creates name no allowed models"));

    public LiteLlmGeneration {
        Objects.requireNonNull(era, "era");
        absent = List.copyOf(absent);
    }

    /** Recognises the generation from the LiteLLM tables' columns as the catalog lists them. */
    public static LiteLlmGeneration recognise(LiteLlmColumns columns) {
        List<OptionalColumn> absent = OPTIONAL_COLUMNS.stream()
                .filter(optional -> columns.has(optional.table()))
                .filter(optional -> !columns.has(optional.table(), optional.column()))
                .toList();
        long known = OPTIONAL_COLUMNS.stream().filter(optional -> columns.has(optional.table())).count();
        Era era = known == 0 ? Era.UNKNOWN
                : absent.isEmpty() ? Era.NEWEST
                : absent.size() == known ? Era.V0_4_64
                : Era.BETWEEN;
        return new LiteLlmGeneration(era, absent);
    }

    /**
     * The LiteLLM version to assume when behaviour differs between versions: {@code 0.4.64} for anything
     * older than the newest (the oldest supported behaviour is the safe one), {@code newest} otherwise.
     */
    public String assumedVersion() {
        return era == Era.NEWEST ? "newest" : "0.4.64";
    }

    public boolean olderThanNewest() {
        return era == Era.V0_4_64 || era == Era.BETWEEN;
    }

    /** What {@code check} prints, e.g. {@code LiteLLM schema: 0.4.64-era, 8 optional columns absent}. */
    public String line() {
        String count = absent.isEmpty() ? "all optional columns present"
                : absent.size() == 1 ? "1 optional column absent" : absent.size() + " optional columns absent";
        return "LiteLLM schema: " + era.label() + ", " + count;
    }
}
