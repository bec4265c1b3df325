package com.nemorouter.console.about;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Properties;

/**
 * What is running: the console's version, the Java runtime and the JavaFX runtime. Read without
 * starting JavaFX, so {@code --version} works where there is no display.
 */
public record Versions(String app, String java, String javafx) {

    /** Shown when the classes do not come from the built jar (an IDE, {@code mvn javafx:run}, tests). */
    public static final String UNPACKAGED = "development build";

    /** The versions of the running process: the jar manifest, {@code java.version}, {@code javafx.properties}. */
    public static Versions ofRuntime() {
        String app = Versions.class.getPackage().getImplementationVersion();
        String java = System.getProperty("java.runtime.version", System.getProperty("java.version"))
                + " (" + System.getProperty("java.vendor") + ")";
        return new Versions(app == null ? UNPACKAGED : app, java, javafxVersion());
    }

    /** One line each, for {@code --version} and the About dialog. */
    public List<String> lines() {
        return List.of("Nemo Console " + app, "Java " + java, "JavaFX " + javafx);
    }

    /*
     * javafx-base carries javafx.properties; reading it avoids touching JavaFX classes, whose
     * static initialisers would want a toolkit.
     */
    private static String javafxVersion() {
        try (InputStream in = Versions.class.getResourceAsStream("/javafx.properties")) {
            if (in == null) {
                return "not on the class path";
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("javafx.runtime.version", properties.getProperty("javafx.version", "unknown"));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read javafx.properties", e);
        }
    }
}
