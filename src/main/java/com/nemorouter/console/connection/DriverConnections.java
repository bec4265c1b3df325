package com.nemorouter.console.connection;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Logger;

import javax.sql.DataSource;

import org.postgresql.Driver;

/**
 * The pool's source of connections: pgjdbc directly, with the first connection opened before the pool
 * exists. Opening that one outside the pool is what makes a failure precise and prompt: the pool would
 * wait its whole timeout even for a refused port and then report its own internals ("Connection is not
 * available, request timed out after 3003ms (total=0, ...)"), while the driver says at once what went
 * wrong. The pool is then handed that same connection, so opening costs no extra login.
 */
final class DriverConnections implements DataSource {

    private static final Driver DRIVER = new Driver();

    private final String url;
    private final Properties properties;
    private final boolean clearSocketTimeout;
    private final AtomicReference<Connection> first = new AtomicReference<>();

    /**
     * @param properties pgjdbc properties including user and password; {@code loginTimeout} bounds the whole
     *                   login (TCP connect, TLS and authentication), not only the TCP connect, so a server that
     *                   accepts the connection and never answers fails after that many seconds
     * @param clearSocketTimeout the {@code socketTimeout} in the properties is for the login only: clear it on
     *                   each new connection, so a long query is bounded by statement_timeout, not by it
     */
    DriverConnections(String url, Properties properties, boolean clearSocketTimeout) {
        this.url = url;
        this.properties = properties;
        this.clearSocketTimeout = clearSocketTimeout;
    }

    DriverConnections(String url, Properties properties) {
        this(url, properties, false);
    }

    /** Opens the first connection on the calling thread; the pool's first {@link #getConnection()} gets it. */
    Connection openFirst() throws SQLException {
        Connection connection = connect();
        first.set(connection);
        return connection;
    }

    /** Closes the first connection if the pool never took it (the open failed after it). */
    void closeUnclaimed() {
        Connection unclaimed = first.getAndSet(null);
        if (unclaimed != null) {
            try {
                unclaimed.close();
            } catch (SQLException ignored) {
                // it is being discarded
            }
        }
    }

    /** Seconds the login may take, as configured (for the message when it times out). */
    String loginTimeoutSeconds() {
        return properties.getProperty("loginTimeout");
    }

    @Override
    public Connection getConnection() throws SQLException {
        Connection handed = first.getAndSet(null);
        if (handed != null && !handed.isClosed()) {
            return handed;
        }
        return connect();
    }

    private Connection connect() throws SQLException {
        Connection connection = DRIVER.connect(url, properties);
        if (connection == null) {
            throw new SQLException("pgjdbc does not accept the URL " + url, "08001");
        }
        if (clearSocketTimeout) {
            connection.setNetworkTimeout(Runnable::run, 0);
        }
        return connection;
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        throw new SQLFeatureNotSupportedException("the user and password are part of the connection properties");
    }

    @Override
    public PrintWriter getLogWriter() {
        return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        // pgjdbc logs through java.util.logging
    }

    /** Ignored: the pool sets this from its own wait, but {@code loginTimeout} in the properties is what applies. */
    @Override
    public void setLoginTimeout(int seconds) {
        // see above
    }

    /**
     * The configured {@code loginTimeout}, whole seconds. The pool also waits this long for its connection
     * adder to stop when it closes; zero would make it warn on standard error that the wait timed out.
     */
    @Override
    public int getLoginTimeout() {
        try {
            return Math.max(1, (int) Math.ceil(Double.parseDouble(properties.getProperty("loginTimeout", "5").strip())));
        } catch (NumberFormatException e) {
            return 5;
        }
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        if (type.isInstance(this)) {
            return type.cast(this);
        }
        throw new SQLException("not a wrapper for " + type.getName());
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
        return type.isInstance(this);
    }
}
