package com.nemorouter.console.presence;

/** A text as the user reads it (with its ✔/⚠/✘ mark) and its typed status, which decides the style. */
public record Marked(String text, Mark mark) {
}
