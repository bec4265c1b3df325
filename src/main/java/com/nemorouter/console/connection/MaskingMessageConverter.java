package com.nemorouter.console.connection;

import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;

/**
 * Logback's {@code %msg} with {@link Secrets#mask} applied: a second line of defence should a library log a
 * connection string with its password. The console's own code never logs one in the first place.
 */
public final class MaskingMessageConverter extends MessageConverter {

    @Override
    public String convert(ILoggingEvent event) {
        return Secrets.mask(super.convert(event));
    }
}
