package com.nemorouter.console.connection;

import java.net.ConnectException;
import java.sql.SQLException;
import java.util.Locale;

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
        if (root instanceof ConnectException || "08001".equals(sqlState) || "08006".equals(sqlState)
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
        } else if ("57014".equals(sqlState)) {
            advice = "The query was cancelled or timed out.";
        } else if (root instanceof IllegalArgumentException) {
            advice = firstLine(root.getMessage());
        } else {
            advice = firstLine(root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage());
        }
        return action + " failed: " + advice;
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
