package com.nemorouter.console.presence;

/** What an id names; decides which catalog columns can refer to it and which rows must exist. */
public enum IdKind {
    ORGANIZATION("organization"),
    TEAM("team"),
    USER("user");

    private final String label;

    IdKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
