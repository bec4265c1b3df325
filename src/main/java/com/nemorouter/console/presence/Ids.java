package com.nemorouter.console.presence;

import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/** Spellings of ids. LiteLLM compares ids as text, so only the lowercase canonical form joins. */
public final class Ids {

    /** A UUID in any letter case: PostgreSQL casts it to uuid, but as text it joins only if lowercase. */
    public static final String SQL_UUID_PATTERN =
            "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$";

    private static final Pattern CANONICAL = Pattern.compile(
            "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final Pattern HEX = Pattern.compile("[0-9a-f]+");
    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-fA-F]{64}");

    private Ids() {
    }

    public static boolean isCanonicalUuid(String value) {
        return value != null && CANONICAL.matcher(value).matches();
    }

    /** A SHA-256 hex digest in either case: the form of {@code LiteLLM_VerificationToken.token}. */
    public static boolean isSha256Hex(String value) {
        return value != null && SHA256_HEX.matcher(value.strip()).matches();
    }

    /** The id as a UUID when it is one in any spelling PostgreSQL accepts for a uuid column. */
    public static Optional<UUID> asUuid(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String hex = value.strip().toLowerCase(Locale.ROOT).replace("-", "").replace("{", "").replace("}", "");
        if (hex.length() != 32 || !HEX.matcher(hex).matches()) {
            return Optional.empty();
        }
        return Optional.of(UUID.fromString(hex.replaceFirst(
                "(\\p{XDigit}{8})(\\p{XDigit}{4})(\\p{XDigit}{4})(\\p{XDigit}{4})(\\p{XDigit}+)", "$1-$2-$3-$4-$5")));
    }

    /**
     * The UUIDs whose hex digits start with {@code hexPrefix} (from {@link #uuidPrefix}), lowest and highest: a uuid
     * column matches the prefix exactly when it lies between them (uuids compare as their hex digits do), so the
     * test needs no text conversion of every row. An empty prefix gives the nil UUID twice.
     */
    public static UuidRange uuidRange(String hexPrefix) {
        if (hexPrefix.isEmpty()) {
            return new UuidRange(new UUID(0, 0), new UUID(0, 0));
        }
        return new UuidRange(asUuid(pad(hexPrefix, '0')).orElseThrow(), asUuid(pad(hexPrefix, 'f')).orElseThrow());
    }

    private static String pad(String hex, char digit) {
        return hex + String.valueOf(digit).repeat(32 - hex.length());
    }

    /** Both ends included. */
    public record UuidRange(UUID lowest, UUID highest) {
    }

    /**
     * The hex digits of a search text that could be the start of a UUID (any case, hyphens and braces
     * ignored), or empty when the text cannot be one.
     */
    public static String uuidPrefix(String text) {
        String hex = text.strip().toLowerCase(Locale.ROOT).replace("-", "").replace("{", "").replace("}", "");
        return !hex.isEmpty() && hex.length() <= 32 && HEX.matcher(hex).matches() ? hex : "";
    }
}
