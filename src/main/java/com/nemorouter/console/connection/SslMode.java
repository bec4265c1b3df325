package com.nemorouter.console.connection;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** libpq's {@code sslmode} values; pgjdbc spells them the same way. */
public enum SslMode {
    DISABLE("disable"), ALLOW("allow"), PREFER("prefer"), REQUIRE("require"),
    VERIFY_CA("verify-ca"), VERIFY_FULL("verify-full");

    private final String spelling;

    SslMode(String spelling) {
        this.spelling = spelling;
    }

    public String spelling() {
        return spelling;
    }

    /** The server's certificate is checked against a root certificate (and, for verify-full, the host name). */
    public boolean verifiesCertificate() {
        return this == VERIFY_CA || this == VERIFY_FULL;
    }

    /** @throws IllegalArgumentException naming the accepted values */
    public static SslMode parse(String value) {
        String wanted = value.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(mode -> mode.spelling.equals(wanted)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("sslmode '" + value + "' is not one of "
                        + Arrays.stream(values()).map(SslMode::spelling).collect(Collectors.joining(", ")) + "."));
    }
}
