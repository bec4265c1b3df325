package com.nemorouter.console.connection;

/** The server could not be reached or refused the session; the cause carries the SQL state. */
public final class DatabaseUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public DatabaseUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
