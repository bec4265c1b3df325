package com.nemorouter.console.connection;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Set-based SQL returns records through Hibernate's result mapping ({@link SqlRows}), never rows handled as
 * {@code Object[]} with casts by position. Checked for the sources converted so far (issue 12); add the rest as
 * they are converted.
 */
class TypedRowsTest {

    private static final Path MAIN = Path.of("src/main/java/com/nemorouter/console");
    private static final List<Path> CONVERTED = List.of(MAIN.resolve("presence"), MAIN.resolve("spend"),
            MAIN.resolve("diagnosis"), MAIN.resolve("connection/ConnectionService.java"),
            MAIN.resolve("connection/EditPrivileges.java"), MAIN.resolve("membership/UserSearchService.java"));
    private static final Pattern UNTYPED = Pattern.compile(
            "Object\\[\\]|SuppressWarnings\\(\"unchecked\"\\)|\\((String|Number|Boolean|Long)\\) *\\w+\\[\\d+\\]");

    @Test
    void convertedSourcesReadNoRowsAsObjectArrays() throws IOException {
        List<String> offenders = new ArrayList<>();
        for (Path root : CONVERTED) {
            try (Stream<Path> sources = Files.walk(root)) {
                for (Path source : sources.filter(path -> path.toString().endsWith(".java")).toList()) {
                    List<String> lines = Files.readAllLines(source);
                    for (int i = 0; i < lines.size(); i++) {
                        if (UNTYPED.matcher(lines.get(i)).find()) {
                            offenders.add(source + ":" + (i + 1) + ": " + lines.get(i).strip());
                        }
                    }
                }
            }
        }
        assertThat(offenders).as("rows handled by position; map them to a record with SqlRows").isEmpty();
    }
}
