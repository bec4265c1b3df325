package com.nemorouter.console.membership;

import static com.nemorouter.console.testing.Seed.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import com.nemorouter.console.connection.Database;
import com.nemorouter.console.testing.TestDatabases;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class RosterLocksTest {

    private static String name;
    private static Database database;
    private static DataSource plain;
    private final RosterLocks locks = new RosterLocks();

    @BeforeAll
    static void open() {
        name = TestDatabases.copyOfSeed();
        database = Database.open(TestDatabases.target(name));
        plain = TestDatabases.dataSource(name);
    }

    @AfterAll
    static void close() {
        database.close();
    }

    @Test
    void returnsTheExistingUsersInUserIdOrderAndSkipsUnknownOnes() {
        List<String> locked = database.write(em -> locks.lock(em, List.of(FLEET_OPS_TEAM, ACME_PLATFORM_TEAM),
                List.of(ROGUE_MEMBER_NOT_IN_ORG, "no-such-user", DANA_TEAMS_ARRAY_DRIFT)));
        assertThat(locked).containsExactly(ROGUE_MEMBER_NOT_IN_ORG, DANA_TEAMS_ARRAY_DRIFT);
    }

    @Test
    void holdsLiteLlmsAdvisoryLockAndTheUserRowsUntilTheTransactionEnds() throws Exception {
        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<List<String>> holder = CompletableFuture.supplyAsync(() -> database.write(em -> {
            List<String> ids = locks.lock(em, List.of(FLEET_OPS_TEAM), List.of(DANA_TEAMS_ARRAY_DRIFT));
            locked.countDown();
            await(release);
            return ids;
        }));
        assertThat(locked.await(30, TimeUnit.SECONDS)).isTrue();
        try (Connection other = plain.getConnection()) {
            other.setAutoCommit(false);
            assertThat(tryTeamLock(other, FLEET_OPS_TEAM)).as("LiteLLM's lock on the team").isFalse();
            assertThat(tryTeamLock(other, ACME_PLATFORM_TEAM)).as("another team stays free").isTrue();
            other.rollback();
            assertThatThrownBy(() -> lockUserNoWait(other, DANA_TEAMS_ARRAY_DRIFT))
                    .isInstanceOf(SQLException.class)
                    .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("55P03"));
            other.rollback();
            release.countDown();
            assertThat(holder.get(30, TimeUnit.SECONDS)).containsExactly(DANA_TEAMS_ARRAY_DRIFT);
            assertThat(tryTeamLock(other, FLEET_OPS_TEAM)).as("released at commit").isTrue();
            lockUserNoWait(other, DANA_TEAMS_ARRAY_DRIFT);
            other.rollback();
        } finally {
            release.countDown();
        }
    }

    private static boolean tryTeamLock(Connection connection, String teamId) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("select pg_try_advisory_xact_lock(hashtext(?))")) {
            statement.setString(1, teamId);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getBoolean(1);
            }
        }
    }

    private static void lockUserNoWait(Connection connection, String userId) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "select user_id from \"LiteLLM_UserTable\" where user_id = ? for update nowait")) {
            statement.setString(1, userId);
            statement.executeQuery().close();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the test never released the lock");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
