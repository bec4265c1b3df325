package com.nemorouter.console.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Splits SQL into runs for colouring: keywords, string literals, comments, quoted identifiers and the rest.
 * Deliberately small and dependency-free: it only has to colour the console's own repair and fix SQL, and
 * the runs always join back to exactly the input, so what is shown is what runs.
 */
public final class SqlText {

    /** What a run is; {@link #styleClass()} is what the CSS colours. */
    public enum Kind {
        KEYWORD("sql-keyword"), STRING("sql-string"), COMMENT("sql-comment"), IDENTIFIER("sql-identifier"), PLAIN("sql-plain");

        private final String styleClass;

        Kind(String styleClass) {
            this.styleClass = styleClass;
        }

        public String styleClass() {
            return styleClass;
        }
    }

    public record Run(String text, Kind kind) {
    }

    /** The words the console's SQL uses; anything else stays plain rather than guessed at. */
    static final Set<String> KEYWORDS = Set.of("select", "from", "where", "and", "or", "not", "in", "is", "null",
            "insert", "into", "values", "update", "set", "delete", "on", "conflict", "do", "nothing", "returning",
            "begin", "commit", "rollback", "as", "join", "left", "inner", "exists", "case", "when", "then", "else",
            "end", "true", "false", "distinct", "array", "any", "all", "with", "order", "by", "limit", "coalesce",
            "cast", "default", "now", "using", "group", "having", "union", "like", "ilike", "between");

    private SqlText() {
    }

    public static List<Run> runs(String sql) {
        List<Run> runs = new ArrayList<>();
        if (sql == null || sql.isEmpty()) {
            return runs;
        }
        StringBuilder plain = new StringBuilder();
        int i = 0;
        int n = sql.length();
        while (i < n) {
            char c = sql.charAt(i);
            int end;
            Kind kind;
            if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
                end = sql.indexOf('\n', i);
                end = end < 0 ? n : end;
                kind = Kind.COMMENT;
            } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
                end = sql.indexOf("*/", i + 2);
                end = end < 0 ? n : end + 2;
                kind = Kind.COMMENT;
            } else if (c == '\'' || c == '"') {
                end = quotedEnd(sql, i, c);
                kind = c == '\'' ? Kind.STRING : Kind.IDENTIFIER;
            } else if (Character.isLetter(c) || c == '_') {
                end = i + 1;
                while (end < n && (Character.isLetterOrDigit(sql.charAt(end)) || sql.charAt(end) == '_')) {
                    end++;
                }
                String word = sql.substring(i, end);
                boolean qualified = i > 0 && sql.charAt(i - 1) == '.';
                if (qualified || !KEYWORDS.contains(word.toLowerCase(Locale.ROOT))) {
                    plain.append(word);
                    i = end;
                    continue;
                }
                kind = Kind.KEYWORD;
            } else {
                plain.append(c);
                i++;
                continue;
            }
            flush(plain, runs);
            runs.add(new Run(sql.substring(i, end), kind));
            i = end;
        }
        flush(plain, runs);
        return runs;
    }

    /** The end of a quoted run starting at {@code start}; a doubled quote is an escaped quote, not the end. */
    private static int quotedEnd(String sql, int start, char quote) {
        int i = start + 1;
        while (i < sql.length()) {
            if (sql.charAt(i) == quote) {
                if (i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            i++;
        }
        return sql.length();
    }

    private static void flush(StringBuilder plain, List<Run> runs) {
        if (!plain.isEmpty()) {
            runs.add(new Run(plain.toString(), Kind.PLAIN));
            plain.setLength(0);
        }
    }
}
