package com.nemorouter.console.connection;

/**
 * The server could not be reached or refused the session; the cause carries the SQL state. It keeps what
 * {@link FailureMessages} needs to say so in one sentence (the server, the user, sslmode, how long it
 * waited), and never the password.
 */
public final class DatabaseUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String server;
    private final String user;
    private final String sslMode;
    private final String waitedSeconds;

    public DatabaseUnavailableException(ConnectionTarget target, String waitedSeconds, Throwable cause) {
        super("Could not connect to " + target.displayName(), cause);
        this.server = target.server();
        this.user = target.user();
        this.sslMode = target.sslMode().spelling();
        this.waitedSeconds = waitedSeconds;
    }

    /** Host and port (several, comma-separated, for a multi-host string). */
    public String server() {
        return server;
    }

    /** The user name, or null when the driver's default applies. */
    public String user() {
        return user;
    }

    public String sslMode() {
        return sslMode;
    }

    /** The login timeout in seconds, as configured (text, as pgjdbc takes it). */
    public String waitedSeconds() {
        return waitedSeconds;
    }
}
