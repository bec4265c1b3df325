package com.nemorouter.console.connection;

import java.io.EOFException;
import java.net.ConnectException;
import java.net.SocketException;
import java.security.cert.CertificateException;
import java.sql.SQLException;
import java.util.Locale;

import javax.net.ssl.SSLException;

/**
 * Turns a failure into one sentence a support engineer can act on: what failed and what to do.
 * Never includes a stack trace, and never the connection string (it may carry a password).
 */
public final class FailureMessages {

    private FailureMessages() {
    }

    public static String describe(String action, Throwable failure) {
        Throwable root = rootCause(failure);
        String sqlState = sqlState(failure);
        String advice;
        if (failure instanceof ConnectionLostException lost) {
            advice = lost.getMessage() + " Use Retry once the database is reachable again.";
        } else if ("28P01".equals(sqlState) || "28000".equals(sqlState)) {
            advice = "The database refused the login (" + firstLine(root.getMessage()) + "). Check the user and "
                    + "the password (from the string, PGPASSWORD, ~/.pgpass or the prompt).";
        } else if (isSslFailure(failure)) {
            advice = "The TLS connection could not be set up (" + firstLine(root.getMessage()) + "). Check sslmode, "
                    + "that sslrootcert is the certificate authority that signed the server's certificate, and for "
                    + "verify-full that the host name is one the certificate names.";
        } else if (root instanceof ConnectException || "08001".equals(sqlState) || "08006".equals(sqlState)
                || "57P01".equals(sqlState)) {
            advice = "The database is not reachable. Check that it is running and that the network is up, then try again.";
        } else if ("28P01".equals(sqlState) || "28000".equals(sqlState)) {
            advice = "The server rejected the user name or password.";
        } else if ("3D000".equals(sqlState)) {
            advice = "The database does not exist on that server (" + firstLine(root.getMessage()) + ").";
        } else if ("42P01".equals(sqlState) || "42703".equals(sqlState)) {
            advice = "The database does not have a table or column the console expects ("
                    + firstLine(root.getMessage()) + "). Check that it is a NemoRouter database.";
        } else if ("42501".equals(sqlState)) {
            advice = "The database role lacks a privilege for this (" + firstLine(root.getMessage()) + ").";
        } else if ("25006".equals(sqlState)) {
            advice = "The session is read-only, so nothing was written.";
        } else if ("57014".equals(sqlState)) {
            advice = "The query was cancelled or timed out.";
        } else if (root instanceof IllegalArgumentException) {
            advice = firstLine(root.getMessage());
        } else {
            advice = firstLine(root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage());
        }
        return Secrets.mask(action + " failed: " + advice);
    }

    /**
     * True when the failure means the session is gone (network, server restart, terminated backend) rather
     * than that the statement was wrong: SQLSTATE class 08, admin shutdown (57P0x), or a socket error.
     */
    public static boolean isConnectionLost(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ConnectionLostException || t instanceof SocketException
                    || t instanceof EOFException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P0"))) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    /** The server refused the user or password (SQLSTATE 28P01 / 28000): worth asking for a password. */
    public static boolean isLoginRefused(Throwable failure) {
        String state = sqlState(failure);
        return "28P01".equals(state) || "28000".equals(state);
    }

    private static boolean isSslFailure(Throwable failure) {
        for (Throwable t = failure; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof SSLException || t instanceof CertificateException) {
                return true;
            }
            if (t.getMessage() != null && (t.getMessage().contains("SSL")
                    || t.getMessage().contains("could not be verified by hostnameverifier"))) {
                return true;
            }
        }
        return false;
    }

    private static String sqlState(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                return sql.getSQLState();
            }
        }
        return null;
    }

    private static Throwable rootCause(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unknown error";
        }
        String line = message.strip().lines().findFirst().orElse("unknown error");
        // pgjdbc prefixes server messages with "ERROR: "; the user does not need it.
        return line.toUpperCase(Locale.ROOT).startsWith("ERROR: ") ? line.substring(7) : line;
    }
}
