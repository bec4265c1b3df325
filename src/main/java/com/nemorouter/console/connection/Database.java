package com.nemorouter.console.connection;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Function;

import java.sql.Connection;
import java.sql.SQLException;

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
 * is one transaction ({@link #read} or {@link #write}); an EntityManager never outlives that call.
 */
public final class Database implements AutoCloseable {

    public static final List<Class<?>> ENTITIES = List.of(
            NemoOrganization.class, NemoTeam.class, AuthUser.class,
            LiteLlmBudget.class, LiteLlmOrganization.class, LiteLlmTeam.class, LiteLlmUser.class,
            LiteLlmOrganizationMembership.class, LiteLlmTeamMembership.class, LiteLlmVerificationToken.class);

    private final ConnectionTarget target;
    private final HikariDataSource dataSource;
    private final EntityManagerFactory entityManagerFactory;
    private final ConnectionSettings settings;
    private final SchemaReport schemaReport;
    /** Why the connection opened read-only (flag, profile, missing privilege); null when it may write. */
    private final String readOnlyReason;
    private volatile boolean switchedReadOnly;

    private Database(ConnectionTarget target, HikariDataSource dataSource, EntityManagerFactory emf,
                     ConnectionSettings settings, SchemaReport schemaReport, String readOnlyReason) {
        this.target = target;
        this.dataSource = dataSource;
        this.entityManagerFactory = emf;
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
     * Opens the pool and the EntityManagerFactory. Hibernate never changes the schema: the console
     * does not own LiteLLM's tables, and LiteLLM resets them on start anyway.
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
        if (readOnlyReason != null && !target.pooler()) {
            // The database itself refuses writes on every pooled connection. Not through a transaction-mode
            // pooler: a session default would leak to other clients; there write() marks each transaction.
            config.setConnectionInitSql("set default_transaction_read_only = on");
        }
        HikariDataSource dataSource = new HikariDataSource(config);
        try {
            SchemaNames schemas = target.schemas();
            // Once per connection: the entities' schemas and the SQL placeholders both come from these names.
            StatementInspector placeholders = schemas::resolve;
            EntityManagerFactory emf = new HibernatePersistenceConfiguration("nemo-console")
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
            return new Database(target, dataSource, emf, settings, report, readOnlyReason);
        } catch (RuntimeException e) {
            connections.closeUnclaimed();
            dataSource.close();
            throw e;
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
            return entityManagerFactory.callInTransaction(em -> {
                em.unwrap(Session.class).setDefaultReadOnly(true);
                try (Request.Registration cancellable = track(em, settings.readStatementTimeout().toMillis())) {
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

    /**
     * Runs {@code work} in one transaction that commits when it returns and rolls back when it throws.
     *
     * @throws ConnectionLostException when the database went away, saying whether the change was applied
     */
    public <T> T write(Function<EntityManager, T> work) {
        EntityManager em = entityManagerFactory.createEntityManager();
        try {
            EntityTransaction transaction = em.getTransaction();
            T result;
            Request.Registration cancellable = null;
            try {
                transaction.begin();
                cancellable = track(em, 0);
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
     * PostgreSQL's cancel request for this connection) and bounds its statements. Plain
     * JDBC, not a startup option: transaction-mode poolers reject startup options, and SET LOCAL ends with
     * the transaction, so no other borrower of the pooled connection inherits it.
     */
    private Request.Registration track(EntityManager em, long statementTimeoutMillis) {
        return em.unwrap(Session.class).doReturningWork(connection -> {
            if (statementTimeoutMillis > 0) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("set local statement_timeout = " + statementTimeoutMillis);
                }
            }
            return Request.register(connection.unwrap(PGConnection.class)::cancelQuery);
        });
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

    /** Hibernate's counters: tests use them to prove a screen costs a bounded number of statements. */
    public Statistics statistics() {
        return entityManagerFactory.unwrap(SessionFactory.class).getStatistics();
    }

    @Override
    public void close() {
        try {
            entityManagerFactory.close();
        } finally {
            dataSource.close();
        }
    }
}
