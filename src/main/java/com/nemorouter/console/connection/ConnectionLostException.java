package com.nemorouter.console.connection;

/**
 * The database went away during a call (network drop, server restart, {@code pg_terminate_backend}). The
 * pool discards the broken connection, so the next call reconnects; the caller only has to retry.
 */
public final class ConnectionLostException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** What became of the work that was running. */
    public enum Outcome {
        /** A read: nothing to undo. */
        READ,
        /** A write that failed before COMMIT was sent: the server rolled it back. */
        NOT_APPLIED,
        /** The connection dropped during COMMIT: the server may or may not have committed. */
        UNKNOWN
    }

    private final Outcome outcome;

    public ConnectionLostException(Outcome outcome, Throwable cause) {
        super(message(outcome), cause);
        this.outcome = outcome;
    }

    public Outcome outcome() {
        return outcome;
    }

    private static String message(Outcome outcome) {
        return switch (outcome) {
            case READ -> "The connection to the database was lost.";
            case NOT_APPLIED -> "The connection to the database was lost; the change was not applied "
                    + "(its transaction was rolled back).";
            case UNKNOWN -> "The connection to the database was lost while committing; reload to see "
                    + "whether the change was applied.";
        };
    }
}
