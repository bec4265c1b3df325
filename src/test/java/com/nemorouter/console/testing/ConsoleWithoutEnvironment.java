package com.nemorouter.console.testing;

import java.util.Map;

import com.nemorouter.console.app.NemoConsoleApplication;

/** The real application for UI tests, blind to the developer's own DATABASE_URL. */
public final class ConsoleWithoutEnvironment extends NemoConsoleApplication {

    @Override
    protected Map<String, String> environment() {
        return Map.of();
    }
}
