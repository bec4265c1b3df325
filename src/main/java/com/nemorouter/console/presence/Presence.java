package com.nemorouter.console.presence;

/** Where an organization or team exists, judged by its two core rows. */
public enum Presence {
    BOTH("both", "✔ both"),
    NEMO_ONLY("nemo only", "⚠ nemo only"),
    LITELLM_ONLY("LiteLLM only", "⚠ LiteLLM only");

    private final String label;
    private final String badge;

    Presence(String label, String badge) {
        this.label = label;
        this.badge = badge;
    }

    public static Presence of(boolean inNemo, boolean inLiteLlm) {
        if (inNemo && inLiteLlm) {
            return BOTH;
        }
        return inNemo ? NEMO_ONLY : LITELLM_ONLY;
    }

    public String label() {
        return label;
    }

    /** Text with a symbol, so the state reads without colour. */
    public String badge() {
        return badge;
    }

    /** The typed status beside {@link #badge()}: both sides is {@link Mark#OK}, one side only {@link Mark#PARTIAL}. */
    public Mark mark() {
        return this == BOTH ? Mark.OK : Mark.PARTIAL;
    }

    public boolean isComplete() {
        return this == BOTH;
    }
}
