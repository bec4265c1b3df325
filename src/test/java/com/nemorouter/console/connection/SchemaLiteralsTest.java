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

    /** A schema qualifier written out (public."X", nemo.x, auth.x) instead of its placeholder. */
    private static final Pattern WRITTEN_OUT_QUALIFIER = Pattern.compile("(?<![\\w\".'{])(nemo|public|auth)\\.(?=[\\w\"])");
    private static final Pattern SQL = Pattern.compile(
            "(?i)\\b(select|from|join|update|insert|delete|where|into|create|alter|lock|table|index|exists)\\b");

    @Test
    void sqlNamesSchemasOnlyThroughPlaceholders() throws IOException {
        List<String> offenders = new ArrayList<>();
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
            for (Path source : sources.filter(path -> path.toString().endsWith(".java")).toList()) {
                Matcher string = JAVA_STRING.matcher(Files.readString(source));
                while (string.find()) {
                    String text = string.group(1) != null ? string.group(1) : string.group(2);
                    text = text.replace("\\\"", "\"");
                    if (SQL.matcher(text).find() && WRITTEN_OUT_QUALIFIER.matcher(text).find()) {
                        offenders.add(source.getFileName() + ": " + text.strip().lines()
                                .filter(line -> WRITTEN_OUT_QUALIFIER.matcher(line).find()).findFirst().orElse(text));
                    }
                }
            }
        }
        assertThat(offenders).as("SQL that names a schema instead of {nemo}, {litellm} or {auth}: it would read the "
                + "default schema when a profile renames it").isEmpty();
    }

    @Test
    void theQualifierScanSeesWrittenOutNamesAndNotPlaceholders() {
        assertThat(WRITTEN_OUT_QUALIFIER.matcher("select 1 from public.\"LiteLLM_TeamTable\"").find()).isTrue();
        assertThat(WRITTEN_OUT_QUALIFIER.matcher("join nemo.teams t").find()).isTrue();
        assertThat(WRITTEN_OUT_QUALIFIER.matcher("select 1 from {litellm}.\"LiteLLM_TeamTable\" join {nemo}.teams t"
                + " join {auth}.users u on u.id = t.auth").find()).isFalse();
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
