package com.nemorouter.console.connection;

import java.io.EOFException;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertificateException;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientConnectionException;
import java.util.Locale;

import javax.net.ssl.SSLException;
import javax.net.ssl.SSLPeerUnverifiedException;

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
        DatabaseUnavailableException unavailable = find(failure, DatabaseUnavailableException.class);
        String connecting = connectionAdvice(failure, unavailable);
        String advice;
        if (failure instanceof ConnectionLostException lost) {
            advice = lost.getMessage() + " Use Retry once the database is reachable again.";
        } else if (connecting != null) {
            advice = connecting;
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
        } else if (failure instanceof java.util.concurrent.CancellationException) {
            // Cancelled before its statement ran (waiting for a worker or a connection): nothing to add.
            advice = "It was cancelled.";
        } else if (root instanceof IllegalArgumentException) {
            advice = firstLine(root.getMessage());
        } else {
            advice = firstLine(root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage());
        }
        return Secrets.mask(action + " failed: " + advice);
    }

    /**
     * One sentence for a failure to open a session (the GUI's status bar and the command line both show it):
     * a silent server, a refused port, an unknown host, a refused login, TLS. Null when the failure is none of
     * these. {@code unavailable}, when the failure came from opening a connection, names the server, the user,
     * sslmode and the wait; without it the sentence speaks of "the server".
     */
    private static String connectionAdvice(Throwable failure, DatabaseUnavailableException unavailable) {
        String server = unavailable == null ? "The server" : unavailable.server();
        String sqlState = sqlState(failure);
        String user = unavailable == null || unavailable.user() == null ? "" : " for user " + unavailable.user();
        String sslMode = unavailable == null ? "the sslmode" : "sslmode=" + unavailable.sslMode();
        UnknownHostException unknownHost = find(failure, UnknownHostException.class);
        ConnectException connect = find(failure, ConnectException.class);
        if (unknownHost != null) {
            return "The host name " + firstLine(unknownHost.getMessage()) + " is unknown (DNS has no address for it); "
                    + "check the host in the connection string.";
        }
        if (connect != null && connect.getMessage() != null && connect.getMessage().toLowerCase(Locale.ROOT).contains("refused")) {
            return server + " refused the connection; check that PostgreSQL is running there and that the host and "
                    + "port are right.";
        }
        if (isTimeout(failure)) {
            String waited = unavailable == null || unavailable.waitedSeconds() == null ? ""
                    : " within " + unavailable.waitedSeconds() + " s";
            return server + " did not answer" + waited + "; check the host, the port and any firewall in between, "
                    + "or allow more time with --connect-timeout <seconds>.";
        }
        if ("28P01".equals(sqlState)) {
            return server + " refused the password" + user + "; check the password "
                    + "(from the connection string, PGPASSWORD, ~/.pgpass, the keychain or the prompt).";
        }
        if ("28000".equals(sqlState)) {
            return server + " refused the login (" + firstLine(rootCause(failure).getMessage()) + "); check the user name, "
                    + "and ask the database administrator whether pg_hba.conf admits it from here.";
        }
        String tls = tlsProblem(failure);
        String certificate = unavailable == null ? "The server's TLS certificate" : "The TLS certificate of " + server;
        if (tls != null) {
            return switch (tls) {
                case "no-ssl" -> server + " does not offer TLS, but " + sslMode + " requires it; turn ssl on at the "
                        + "server, or use sslmode=prefer only on a network you trust.";
                case "untrusted" -> certificate + " is not signed by the certificate authority in sslrootcert; point "
                        + "sslrootcert at the certificate authority that signed the server's certificate.";
                case "hostname" -> certificate + " does not name the host you connected to; connect with a host name "
                        + "the certificate names, or use sslmode=verify-ca to skip the name check.";
                case "root-file" -> "The sslrootcert file cannot be read (" + firstLine(rootCause(failure).getMessage())
                        + "); check its path, or download the server's certificate authority there.";
                default -> "The TLS connection could not be set up (" + firstLine(rootCause(failure).getMessage())
                        + "); check " + sslMode + " and that sslrootcert is the certificate authority that signed the "
                        + "server's certificate.";
            };
        }
        if (connect != null || "08001".equals(sqlState) || "08006".equals(sqlState) || "57P01".equals(sqlState)) {
            String reason = connect != null && connect.getMessage() != null ? " (" + firstLine(connect.getMessage()) + ")" : "";
            return (unavailable == null ? "The database" : server) + " is not reachable" + reason + "; check that it "
                    + "is running and that the network is up, then try again.";
        }
        return null;
    }

    /** The login did not finish in time: the driver's loginTimeout, a socket timeout, or the pool's wait. */
    private static boolean isTimeout(Throwable failure) {
        for (Throwable t = failure; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof SocketTimeoutException || t instanceof SQLTimeoutException) {
                return true;
            }
            if (t instanceof SQLException sql && "08001".equals(sql.getSQLState()) && t.getMessage() != null
                    && t.getMessage().startsWith("Connection attempt timed out")) {
                return true;
            }
            // HikariCP gave up waiting for a connection before the driver said why.
            if (t instanceof SQLTransientConnectionException && t.getCause() == null) {
                return true;
            }
        }
        return false;
    }

    /** Which TLS failure this is, or null when it is not one. */
    private static String tlsProblem(Throwable failure) {
        String found = null;
        for (Throwable t = failure; t != null && t.getCause() != t; t = t.getCause()) {
            String message = t.getMessage() == null ? "" : t.getMessage();
            if (message.contains("does not support SSL")) {
                return "no-ssl";
            }
            if (message.contains("could not be verified by hostnameverifier") || t instanceof SSLPeerUnverifiedException
                    || message.contains("No subject alternative")) {
                return "hostname";
            }
            if (message.contains("SSL root certificate file") || message.contains("Could not read SSL root certificate")) {
                return "root-file";
            }
            if (t instanceof CertPathBuilderException || t instanceof CertificateException
                    || message.contains("PKIX path") || message.contains("unable to find valid certification path")) {
                return "untrusted";
            }
            if (t instanceof SSLException || message.contains("SSL")) {
                found = "other";
            }
        }
        return found;
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

    private static <T extends Throwable> T find(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
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
