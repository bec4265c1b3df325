package com.nemorouter.console.presence;

/** The two systems that share the one database, as the design's diagram draws them. */
public enum Side {
    SUPABASE("Supabase"),
    LITELLM("LiteLLM");

    private final String label;

    Side(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    static Side ofSchema(String schema) {
        return "public".equals(schema) ? LITELLM : SUPABASE;
    }
}
