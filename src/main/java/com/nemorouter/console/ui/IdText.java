package com.nemorouter.console.ui;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Shortens ids for narrow cells without hiding what tells them apart. Demo and sequential UUIDs share
 * their beginning and differ at the end ({@code 0b5e55ed-0000-4000-8000-0000000000b1}), so a cut at the
 * end (JavaFX's default ellipsis) makes different ids look equal. Eliding the middle keeps the first
 * group and the last group: {@code 0b5e55ed…0000000000b1}.
 */
public final class IdText {

    public static final String ELLIPSIS = "…";
    /** Fewer characters than this cannot show anything useful of an id; below it the id is still elided. */
    private static final int MIN_CHARS = 5;
    private static final int TAIL = 12;
    private static final Pattern ID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}|[0-9a-fA-F]{24,}");

    private IdText() {
    }

    /** {@code id} itself when it fits in {@code maxChars}, else its head and tail around one ellipsis. */
    public static String elide(String id, int maxChars) {
        if (id == null) {
            return "";
        }
        int max = Math.max(maxChars, MIN_CHARS);
        if (id.length() <= max) {
            return id;
        }
        int keep = max - ELLIPSIS.length();
        // The last group carries the distinguishing digits; the head gets what is left, up to the rest.
        int tail = keep >= TAIL + 8 ? TAIL : (keep * 3 + 4) / 5;
        int head = keep - tail;
        return id.substring(0, head) + ELLIPSIS + id.substring(id.length() - tail);
    }

    /**
     * Fits {@code text} into {@code maxChars} by eliding the first id inside it, keeping the words around
     * it ({@code ✘ other: 0b5e55ed…0000000000b1}); text without an id is returned whole.
     */
    public static String elideWithin(String text, int maxChars) {
        if (text == null) {
            return "";
        }
        if (text.length() <= maxChars) {
            return text;
        }
        Matcher matcher = ID.matcher(text);
        if (!matcher.find()) {
            return text;
        }
        int others = text.length() - (matcher.end() - matcher.start());
        String id = elide(matcher.group(), maxChars - others);
        return text.substring(0, matcher.start()) + id + text.substring(matcher.end());
    }
}
