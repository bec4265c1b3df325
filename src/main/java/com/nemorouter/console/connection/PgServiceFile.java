package com.nemorouter.console.connection;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * libpq's connection service file ({@code PGSERVICEFILE}, else {@code ~/.pg_service.conf}): INI sections
 * named after services, each holding {@code keyword=value} lines.
 */
public final class PgServiceFile {

    private final Path file;

    public PgServiceFile(Path file) {
        this.file = file;
    }

    /**
     * The keywords of one service.
     *
     * @throws IllegalArgumentException when the file or the service does not exist, or a line is malformed
     */
    public Map<String, String> service(String name) {
        if (file == null || !Files.isRegularFile(file)) {
            throw new IllegalArgumentException("service=" + name + " needs a service file, but "
                    + (file == null ? "none is configured" : file + " does not exist")
                    + " (set PGSERVICEFILE or create ~/.pg_service.conf).");
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + file, e);
        }
        Map<String, String> keywords = null;
        for (int number = 1; number <= lines.size(); number++) {
            String line = lines.get(number - 1).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("[") && line.endsWith("]")) {
                if (keywords != null) {
                    break;
                }
                if (line.substring(1, line.length() - 1).strip().equals(name)) {
                    keywords = new LinkedHashMap<>();
                }
                continue;
            }
            if (keywords == null) {
                continue;
            }
            int equals = line.indexOf('=');
            if (equals <= 0) {
                throw new IllegalArgumentException(file + " line " + number + " is not keyword=value.");
            }
            keywords.put(line.substring(0, equals).strip(), line.substring(equals + 1).strip());
        }
        if (keywords == null) {
            throw new IllegalArgumentException("Service '" + name + "' is not defined in " + file + ".");
        }
        return keywords;
    }
}
