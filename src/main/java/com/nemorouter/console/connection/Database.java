package com.nemorouter.console.connection;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;

import javax.sql.DataSource;

import com.nemorouter.console.persistence.auth.AuthUser;
import com.nemorouter.console.persistence.litellm.LiteLlmBudget;
import com.nemorouter.console.persistence.litellm.LiteLlmOrganization;
import com.nemorouter.console.persistence.litellm.LiteLlmOrganizationMembership;
import com.nemorouter.console.persistence.litellm.LiteLlmTeam;
import com.nemorouter.console.persistence.litellm.LiteLlmTeamMembership;
import com.nemorouter.console.persistence.litellm.LiteLlmUser;
import com.nemorouter.console.persistence.litellm.LiteLlmVerificationToken;
import com.nemorouter.console.persistence.nemo.NemoOrganization;
import com.nemorouter.console.persistence.nemo.NemoTeam;
import com.nemorouter.console.request.Request;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.EntityTransaction;

import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.jpa.HibernatePersistenceConfiguration;
import org.hibernate.resource.jdbc.spi.StatementInspector;
import org.hibernate.stat.Statistics;
import org.postgresql.PGConnection;

/**
 * One open connection: a pool and the one EntityManagerFactory that belongs to it. Every service call
 * is one transaction ({@link #read}, {@link #readJdbc} or {@link #write}); an EntityManager never outlives
 * that call. Hibernate starts on the first call that needs an EntityManager, not when the connection opens:
 * its bootstrap is most of a headless command's start-up, and {@code check} reads only over plain JDBC.
 */
// size: one connection's lifecycle (open, lazy Hibernate start, the three transaction kinds, close) kept in one
// place, because the statement-timeout, cancel-registration and lost-connection rules must be the same for all
// three; split apart they would drift.
public final class Database implements AutoCloseable {

    public static final List<Class<?>> ENTITIES = List.of(
            NemoOrganization.class, NemoTeam.class, AuthUser.class,
            LiteLlmBudget.class, LiteLlmOrganization.class, LiteLlmTeam.class, LiteLlmUser.class,
            LiteLlmOrganizationMembership.class, LiteLlmTeamMembership.class, LiteLlmVerificationToken.class);

    private final ConnectionTarget target;
    private final HikariDataSource dataSource;
    /** Built on first use ({@link #entityManagerFactory()}); null until then. */
    private volatile EntityManagerFactory entityManagerFactory;
    private final LongAdder jdbcStatements = new LongAdder();
    private boolean closed;
    private final ConnectionSettings settings;
    private final SchemaReport schemaReport;
    /** Why the connection opened read-only (flag, profile, missing privilege); null when it may write. */
    private final String readOnlyReason;
    private volatile boolean switchedReadOnly;

    private Database(ConnectionTarget target, HikariDataSource dataSource,
                     ConnectionSettings settings, SchemaReport schemaReport, String readOnlyReason) {
        this.target = target;
        this.dataSource = dataSource;
        this.settings = settings;
        this.schemaReport = schemaReport;
        this.readOnlyReason = readOnlyReason;
    }

    public static Database open(ConnectionTarget target) {
        return open(target, ConnectionSettings.DEFAULT);
    }

    /** Opens writable, or read-only with a generic reason when {@code settings} ask for it. */
    public static Database open(ConnectionTarget target, ConnectionSettings settings) {
        return open(target, settings, settings.readOnly() ? "the connection is marked read-only" : null);
    }

    /**
     * Opens the pool after checking the schema contract on the driver's first connection. The
     * EntityManagerFactory comes later, on first use.
     *
     * @param readOnlyReason when not null, every pooled connection starts with
     *                       {@code default_transaction_read_only = on}, so the database itself refuses writes
     */
    public static Database open(ConnectionTarget target, ConnectionSettings settings, String readOnlyReason) {
        Properties properties = new Properties();
        properties.setProperty("ApplicationName", "nemo-console");
        properties.setProperty("connectTimeout", Long.toString(Math.max(1, settings.connectTimeout().toSeconds())));
        target.properties().forEach(properties::setProperty);
        // connectTimeout bounds only the TCP connect; loginTimeout bounds TLS and authentication too, so a
        // server that accepts the connection and never answers fails after the same number of seconds.
        properties.putIfAbsent("loginTimeout", properties.getProperty("connectTimeout"));
        // And every read of the login, so the driver's abandoned connect thread ends too instead of waiting on a
        // silent server forever. Cleared once connected (DriverConnections): queries have statement_timeout.
        boolean loginOnlySocketTimeout = !properties.containsKey("socketTimeout");
        if (loginOnlySocketTimeout) {
            properties.setProperty("socketTimeout", properties.getProperty("loginTimeout"));
        }
        if (target.user() != null) {
            properties.setProperty("user", target.user());
        }
        char[] password = target.password();
        if (password != null) {
            properties.setProperty("password", new String(password));
            Arrays.fill(password, '\0');
        }
        DriverConnections connections = new DriverConnections(target.jdbcUrl(), properties, loginOnlySocketTimeout);
        SchemaReport report;
        try {
            report = SchemaContract.check(connections.openFirst(), target.schemas());
        } catch (SQLException e) {
            connections.closeUnclaimed();
            throw new DatabaseUnavailableException(target, connections.loginTimeoutSeconds(), e);
        }
        HikariConfig config = new HikariConfig();
        config.setDataSource(connections);
        config.setPoolName("nemo-console");
        config.setMaximumPoolSize(4);
        config.setMinimumIdle(0);
        // A second longer than the driver's loginTimeout: a later connection that times out then fails with the
        // driver's reason (which FailureMessages turns into a sentence), not with the pool's internals.
        config.setConnectionTimeout(Math.max(250, settings.connectTimeout().toMillis() + 1000));
        config.setInitializationFailTimeout(-1);
        List<String> initSql = new java.util.ArrayList<>();
        if (readOnlyReason != null && !target.pooler()) {
            // The database itself refuses writes on every pooled connection. Not through a transaction-mode
            // pooler: a session default would leak to other clients; there write() marks each transaction.
            initSql.add("set default_transaction_read_only = on");
        }
        if (sessionReadTimeout(target, settings)) {
            // Reads are bounded once per physical connection instead of a SET LOCAL round trip per read;
            // write() lifts it for its own transaction.
            initSql.add("set statement_timeout = " + settings.readStatementTimeout().toMillis());
        }
        if (!initSql.isEmpty()) {
            config.setConnectionInitSql(String.join("; ", initSql));
        }
        HikariDataSource dataSource = new HikariDataSource(config);
        try (Connection first = dataSource.getConnection()) {
            // The pool takes the first connection now, while the server is known to answer: it learns the
            // driver's defaults (transaction isolation) from its first connection, and learning them from a
            // dead one later would break every connection after (Hibernate's start used to do this borrow).
        } catch (SQLException | RuntimeException e) {
            connections.closeUnclaimed();
            dataSource.close();
            throw new DatabaseUnavailableException(target, connections.loginTimeoutSeconds(), e);
        }
        return new Database(target, dataSource, settings, report, readOnlyReason);
    }

    /**
     * The EntityManagerFactory, built on the first call (on that caller's background thread). Hibernate
     * never changes the schema: the console does not own LiteLLM's tables, and LiteLLM resets them on start
     * anyway.
     */
    private EntityManagerFactory entityManagerFactory() {
        EntityManagerFactory built = entityManagerFactory;
        if (built != null) {
            return built;
        }
        synchronized (this) {
            if (closed) {
                throw new IllegalStateException("The connection to " + target.displayName() + " is closed.");
            }
            if (entityManagerFactory == null) {
                SchemaNames schemas = target.schemas();
                // Once per connection: the entities' schemas and the SQL placeholders both come from these names.
                StatementInspector placeholders = schemas::resolve;
                entityManagerFactory = new HibernatePersistenceConfiguration("nemo-console")
                        .managedClasses(ENTITIES.toArray(Class<?>[]::new))
                        .property(AvailableSettings.JAKARTA_NON_JTA_DATASOURCE, dataSource)
                        .property(AvailableSettings.JAKARTA_HBM2DDL_DATABASE_ACTION, "none")
                        .property(AvailableSettings.HBM2DDL_AUTO, "none")
                        .property(AvailableSettings.GENERATE_STATISTICS, true)
                        .property(AvailableSettings.JDBC_TIME_ZONE, "UTC")
                        .property(AvailableSettings.STATEMENT_INSPECTOR, placeholders)
                        .property(AvailableSettings.PHYSICAL_NAMING_STRATEGY, new SchemaNaming(schemas))
                        .property(SchemaNames.PROPERTY, schemas)
                        .createEntityManagerFactory();
            }
            return entityManagerFactory;
        }
    }

    /**
     * Runs {@code work} in one read-only transaction on the calling thread (never the FX thread), bounded by
     * the read statement timeout and cancelled with the {@link Request} the calling thread works for.
     *
     * @throws ConnectionLostException when the database went away; the next call reconnects
     */
    public <T> T read(Function<EntityManager, T> work) {
        try {
            return entityManagerFactory().callInTransaction(em -> {
                em.unwrap(Session.class).setDefaultReadOnly(true);
                try (Request.Registration cancellable = track(em, readTimeoutPerTransaction())) {
                    return work.apply(em);
                }
            });
        } catch (RuntimeException e) {
            if (FailureMessages.isConnectionLost(e)) {
                throw new ConnectionLostException(ConnectionLostException.Outcome.READ, e);
            }
            throw e;
        }
    }

    /** Plain-JDBC work on the transaction's connection. */
    @FunctionalInterface
    public interface JdbcWork<T> {
        T apply(Connection connection) throws SQLException;
    }

    /**
     * Like {@link #read}, without Hibernate: {@code work} gets the pooled connection inside one transaction,
     * bounded by the same read statement timeout and cancellable the same way. For the few reads a headless
     * {@code check} makes, so it never waits for Hibernate to start. Its SQL names schemas as the
     * EntityManager's SQL does; pass it through {@link #sql} before preparing it.
     *
     * @throws ConnectionLostException when the database went away; the next call reconnects
     */
    public <T> T readJdbc(JdbcWork<T> work) {
        return readJdbc(work, false);
    }

    /**
     * A read that is exactly one statement, over plain JDBC: PostgreSQL runs a lone statement as its own
     * transaction, so on a direct connection (its statement timeout set per connection) it needs no BEGIN and
     * no COMMIT round trip. A lookup that takes a few milliseconds is otherwise mostly those. Through a
     * transaction-mode pooler it runs as {@link #readJdbc} does, since only a transaction can carry SET LOCAL.
     * {@code work} must run one statement and nothing else.
     */
    public <T> T readStatement(JdbcWork<T> work) {
        return readJdbc(work, readTimeoutPerTransaction() < 0);
    }

    private <T> T readJdbc(JdbcWork<T> work, boolean autocommit) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(autocommit);
            Request.Registration tracked = null;
            try {
                tracked = track(connection, readTimeoutPerTransaction());
                T result = work.apply(counted(connection));
                if (!autocommit) {
                    connection.commit();
                }
                return result;
            } catch (SQLException | RuntimeException e) {
                try {
                    if (!autocommit) {
                        connection.rollback();
                    }
                } catch (SQLException ignored) {
                    // The connection is gone or broken; the server rolls back on its own and the pool evicts it.
                }
                throw e;
            } finally {
                if (tracked != null) {
                    tracked.close();
                }
            }
        } catch (SQLException e) {
            if (FailureMessages.isConnectionLost(e)) {
                throw new ConnectionLostException(ConnectionLostException.Outcome.READ, e);
            }
            throw new IllegalStateException(e.getMessage(), e);
        } catch (RuntimeException e) {
            if (FailureMessages.isConnectionLost(e)) {
                throw new ConnectionLostException(ConnectionLostException.Outcome.READ, e);
            }
            throw e;
        }
    }

    /** The connection, counting the statements prepared on it into {@link #jdbcStatementCount}. */
    private Connection counted(Connection connection) {
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, arguments) -> {
                    if (method.getName().startsWith("prepare") || method.getName().equals("createStatement")) {
                        jdbcStatements.increment();
                    }
                    try {
                        return method.invoke(connection, arguments);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    /**
     * Statements the plain-JDBC reads prepared ({@link #readJdbc}, {@link #readStatement}); with Hibernate's own
     * count ({@link #statistics}) tests prove a screen costs a bounded number of statements.
     */
    public long jdbcStatementCount() {
        return jdbcStatements.sum();
    }

    /** {@code sql} with its schema placeholders resolved for this connection, as the EntityManager's SQL gets them. */
    public String sql(String sql) {
        return target.schemas().resolve(sql);
    }

    /**
     * Runs {@code work} in one transaction that commits when it returns and rolls back when it throws.
     *
     * @throws ConnectionLostException when the database went away, saying whether the change was applied
     */
    public <T> T write(Function<EntityManager, T> work) {
        EntityManager em = entityManagerFactory().createEntityManager();
        try {
            EntityTransaction transaction = em.getTransaction();
            T result;
            Request.Registration cancellable = null;
            try {
                transaction.begin();
                // No bound on a write (a roster lock may wait); lift the connection's read timeout if it has one.
                cancellable = track(em, sessionReadTimeout(target, settings) ? 0 : -1);
                if (readOnlyReason != null || switchedReadOnly) {
                    em.unwrap(Session.class).doWork(jdbc -> {
                        try (Statement statement = jdbc.createStatement()) {
                            // Per transaction, not per session: a pooled server connection must not keep it.
                            statement.execute("set transaction read only");
                        }
                    });
                }
                result = work.apply(em);
                em.flush();
            } catch (RuntimeException e) {
                rollbackQuietly(transaction);
                if (FailureMessages.isConnectionLost(e)) {
                    throw new ConnectionLostException(ConnectionLostException.Outcome.NOT_APPLIED, e);
                }
                throw e;
            } finally {
                if (cancellable != null) {
                    cancellable.close();
                }
            }
            try {
                transaction.commit();
            } catch (RuntimeException e) {
                if (FailureMessages.isConnectionLost(e)) {
                    throw new ConnectionLostException(ConnectionLostException.Outcome.UNKNOWN, e);
                }
                throw e;
            }
            return result;
        } finally {
            em.close();
        }
    }

    private static void rollbackQuietly(EntityTransaction transaction) {
        try {
            if (transaction.isActive()) {
                transaction.rollback();
            }
        } catch (RuntimeException ignored) {
            // The connection is gone or broken; the server rolls back on its own and the pool evicts it.
        }
    }

    /**
     * Registers the transaction's connection with the calling thread's {@link Request} (so cancelling it sends
     * PostgreSQL's cancel request for this connection) and, when asked, bounds its
     * statements. Plain JDBC, not a startup option: transaction-mode poolers reject startup options, and SET
     * LOCAL ends with the transaction, so no other borrower of the pooled connection inherits it.
     */
    private Request.Registration track(EntityManager em, long statementTimeoutMillis) {
        return em.unwrap(Session.class).doReturningWork(connection -> track(connection, statementTimeoutMillis));
    }

    /**
     * True when each physical connection carries the read statement timeout as its session default: a
     * direct connection. Through a transaction-mode pooler a session setting would reach other clients'
     * transactions, so there every read sets it locally.
     */
    private static boolean sessionReadTimeout(ConnectionTarget target, ConnectionSettings settings) {
        return !target.pooler() && settings.readStatementTimeout().toMillis() > 0;
    }

    /** The SET LOCAL statement timeout a read needs on top of its connection's: -1 for none. */
    private long readTimeoutPerTransaction() {
        long millis = settings.readStatementTimeout().toMillis();
        return millis > 0 && target.pooler() ? millis : -1;
    }

    /** @param statementTimeoutMillis SET LOCAL for this transaction (0 is no bound); -1 leaves it as it is */
    private Request.Registration track(Connection connection, long statementTimeoutMillis) throws SQLException {
        if (statementTimeoutMillis >= 0) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("set local statement_timeout = " + statementTimeoutMillis);
            }
        }
        return Request.register(connection.unwrap(PGConnection.class)::cancelQuery);
    }

    /** What the schema contract found when the connection opened (before Hibernate started). */
    public SchemaReport schemaReport() {
        return schemaReport;
    }

    /** The LiteLLM schema generation recognised when the connection opened. */
    public LiteLlmGeneration liteLlmGeneration() {
        return schemaReport.generation();
    }

    /** The columns of LiteLLM's version-dependent tables, as the catalog listed them when the connection opened. */
    public LiteLlmColumns liteLlmColumns() {
        return schemaReport.liteLlmColumns();
    }

    public ConnectionSettings settings() {
        return settings;
    }

    /**
     * The read-only toggle of the window. A connection opened read-only (flag or missing privilege) stays
     * read-only; one opened writable can be switched either way.
     *
     * @throws IllegalStateException when switching off a connection that was opened read-only
     */
    public void switchReadOnly(boolean on) {
        if (!on && readOnlyReason != null) {
            throw new IllegalStateException("This connection is read-only (" + readOnlyReason + ").");
        }
        switchedReadOnly = on;
    }

    /** True when the read-only state was fixed when the connection opened and cannot be switched off. */
    public boolean readOnlyFixed() {
        return readOnlyReason != null;
    }

    /** Why this connection is read-only (the flag, or a missing privilege), or empty when it may write. */
    public Optional<String> readOnlyReason() {
        if (readOnlyReason == null && switchedReadOnly) {
            return Optional.of("switched on in the window");
        }
        return Optional.ofNullable(readOnlyReason);
    }

    public ConnectionTarget target() {
        return target;
    }

    /** For schema set-up and plain-JDBC checks; application reads go through {@link #read}. */
    public DataSource dataSource() {
        return dataSource;
    }

    /**
     * Starts Hibernate and runs one trivial read through it now, on the calling background thread: the window
     * does it while it builds itself, so its first list read does not wait for it. Commands that never need it ({@code check}) never call it.
     */
    public void startHibernate() {
        // One trivial read too: the first native query loads and links most of Hibernate's query path,
        // which the first screen read would otherwise wait for.
        read(em -> em.createNativeQuery("select 1").getSingleResult());
    }

    /** True once a call needed an EntityManager and Hibernate started (tests prove {@code check} never does). */
    public boolean hibernateStarted() {
        return entityManagerFactory != null;
    }

    /** Hibernate's counters: tests use them to prove a screen costs a bounded number of statements. */
    public Statistics statistics() {
        return entityManagerFactory().unwrap(SessionFactory.class).getStatistics();
    }

    @Override
    public void close() {
        EntityManagerFactory built;
        synchronized (this) {
            closed = true;
            built = entityManagerFactory;
        }
        try {
            if (built != null) {
                built.close();
            }
        } finally {
            dataSource.close();
        }
    }
}
