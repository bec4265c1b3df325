package com.nemorouter.console.connection;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Schema names live in one place ({@link SchemaNames}): its rewrite sees qualifiers, never string
 * literals, so an SQL literal naming a schema ({@code to_regclass('public."X"')}, {@code table_schema =
 * 'nemo'}) silently reads the default schema when a profile renames it. Fails the build on any such
 * literal in the console's Java sources (string literals and text blocks alike).
 */
class SchemaLiteralsTest {

    private static final Pattern FORBIDDEN = Pattern.compile("'public|'nemo'|'auth'");
    /** Java string literals and text blocks. */
    private static final Pattern JAVA_STRING = Pattern.compile("\"\"\"(.*?)\"\"\"|\"((?:[^\"\\\\\\n]|\\\\.)*)\"",
            Pattern.DOTALL);

    @Test
    void noSqlStringNamesASchemaAsALiteral() throws IOException {
        List<String> offenders = new ArrayList<>();
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
            for (Path source : sources.filter(path -> path.toString().endsWith(".java")).toList()) {
                Matcher string = JAVA_STRING.matcher(Files.readString(source));
                while (string.find()) {
                    String text = string.group(1) != null ? string.group(1) : string.group(2);
                    Matcher literal = FORBIDDEN.matcher(text);
                    if (literal.find()) {
                        offenders.add(source + ": " + text.strip().lines().filter(line -> FORBIDDEN.matcher(line).find())
                                .findFirst().orElse(text).strip());
                    }
                }
            }
        }
        assertThat(offenders).as("SQL literals naming a schema; bind the name or use SchemaNames.regclass").isEmpty();
    }

    @Test
    void theScanRecognisesTheLiteralsItForbids() {
        for (String sql : List.of("select to_regclass('public.\"LiteLLM_AuditLog\"')",
                "where c.table_schema = 'nemo'", "where n.nspname = 'auth'")) {
            Matcher string = JAVA_STRING.matcher("String s = \"" + sql.replace("\"", "\\\"") + "\";");
            assertThat(string.find()).isTrue();
            assertThat(FORBIDDEN.matcher(string.group(2)).find()).as(sql).isTrue();
        }
    }
}
