package com.nemorouter.console.connection;

import java.util.List;
import java.util.Optional;
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
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;

import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.jpa.HibernatePersistenceConfiguration;
import org.hibernate.stat.Statistics;

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
    private final String readOnlyReason;
    private volatile boolean switchedReadOnly;

    private Database(ConnectionTarget target, HikariDataSource dataSource, EntityManagerFactory emf,
                     String readOnlyReason) {
        this.target = target;
        this.dataSource = dataSource;
        this.entityManagerFactory = emf;
        this.readOnlyReason = readOnlyReason;
    }

    public static Database open(ConnectionTarget target) {
        return open(target, null);
    }

    /**
     * Opens the pool and the EntityManagerFactory. Hibernate never changes the schema: the console
     * does not own LiteLLM's tables, and LiteLLM resets them on start anyway.
     *
     * @param readOnlyReason when not null, every pooled connection starts with
     *                       {@code default_transaction_read_only = on}, so the database itself refuses writes
     */
    public static Database open(ConnectionTarget target, String readOnlyReason) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(target.jdbcUrl());
        if (target.user() != null) {
            config.setUsername(target.user());
        }
        char[] password = target.password();
        if (password != null) {
            config.setPassword(new String(password));
            java.util.Arrays.fill(password, '\0');
        }
        config.setPoolName("nemo-console");
        config.setMaximumPoolSize(4);
        config.setMinimumIdle(0);
        config.setConnectionTimeout(10_000);
        config.setInitializationFailTimeout(-1);
        config.addDataSourceProperty("ApplicationName", "nemo-console");
        config.addDataSourceProperty("connectTimeout", "10");
        if (readOnlyReason != null) {
            config.setConnectionInitSql("set default_transaction_read_only = on");
        }
        HikariDataSource dataSource = new HikariDataSource(config);
        try {
            EntityManagerFactory emf = new HibernatePersistenceConfiguration("nemo-console")
                    .managedClasses(ENTITIES.toArray(Class<?>[]::new))
                    .property(AvailableSettings.JAKARTA_NON_JTA_DATASOURCE, dataSource)
                    .property(AvailableSettings.JAKARTA_HBM2DDL_DATABASE_ACTION, "none")
                    .property(AvailableSettings.HBM2DDL_AUTO, "none")
                    .property(AvailableSettings.GENERATE_STATISTICS, true)
                    .property(AvailableSettings.JDBC_TIME_ZONE, "UTC")
                    .createEntityManagerFactory();
            return new Database(target, dataSource, emf, readOnlyReason);
        } catch (RuntimeException e) {
            dataSource.close();
            throw e;
        }
    }

    /** Runs {@code work} in one read-only transaction on the calling thread (never the FX thread). */
    public <T> T read(Function<EntityManager, T> work) {
        return entityManagerFactory.callInTransaction(em -> {
            em.unwrap(Session.class).setDefaultReadOnly(true);
            return work.apply(em);
        });
    }

    /** Runs {@code work} in one transaction that commits when it returns and rolls back when it throws. */
    public <T> T write(Function<EntityManager, T> work) {
        if (!switchedReadOnly) {
            return entityManagerFactory.callInTransaction(work);
        }
        return entityManagerFactory.callInTransaction(em -> {
            // Switched on at run time: the pool's connections were opened writable, so each transaction
            // declares itself read-only first and the database refuses its writes.
            em.createNativeQuery("set transaction read only").executeUpdate();
            return work.apply(em);
        });
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
