package com.nemorouter.console.membership;

import static com.nemorouter.console.testing.Seed.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.nemorouter.console.wiring.ConsoleServices;
import com.nemorouter.console.connection.ConsoleHome;
import com.nemorouter.console.connection.Database;
import com.nemorouter.console.testing.Sql;
import com.nemorouter.console.testing.TestDatabases;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 40 parallel adds of different users to one team from two independent connection pools, racing a
 * plain-JDBC writer that follows LiteLLM's locking protocol with an in-memory read-modify-write of the
 * roster (the pattern that loses updates when one side skips the lock). No member may be lost.
 */
class MembershipConcurrencyTest {

    private static final int CONSOLE_ADDS = 40;
    private static final int LITELLM_ADDS = 10;

    @TempDir
    Path home;

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void parallelAddsFromTwoPoolsAndALiteLlmWriterLoseNoMember() throws Exception {
        String name = TestDatabases.copyOfSeed();
        DataSource plain = TestDatabases.dataSource(name);
        Sql sql = new Sql(plain);
        List<String> users = new ArrayList<>();
        for (int i = 0; i < CONSOLE_ADDS + LITELLM_ADDS; i++) {
            users.add(String.format("00000000-0000-4000-8000-%012d", 1000 + i));
        }
        sql.execute("insert into auth.users (id, email, created_at) select u::uuid, 'racer.' || n || '@acme.example', now() "
                + "from unnest(array['" + String.join("','", users) + "']) with ordinality x(u, n)");
        List<String> original = sql.column("select e ->> 'user_id' from \"LiteLLM_TeamTable\" t, "
                + "jsonb_array_elements(t.members_with_roles) e where t.team_id = ?", ACME_PLATFORM_TEAM);

        try (Database first = Database.open(TestDatabases.target(name));
             Database second = Database.open(TestDatabases.target(name))) {
            MembershipService one = ConsoleServices.wire(first, new ConsoleHome(home)).membership();
            MembershipService two = ConsoleServices.wire(second, new ConsoleHome(home)).membership();
            one.apply(MembershipEdit.organizationAdd(ACME, users, "internal_user"), false);

            ExecutorService pool = Executors.newFixedThreadPool(12);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> done = new ArrayList<>();
            try {
                for (int i = 0; i < CONSOLE_ADDS; i++) {
                    MembershipService service = i % 2 == 0 ? one : two;
                    MembershipEdit edit = MembershipEdit.teamAdd(ACME_PLATFORM_TEAM, List.of(users.get(i)), "user", false);
                    done.add(pool.submit(() -> {
                        start.await();
                        return service.apply(edit, false);
                    }));
                }
                for (int i = CONSOLE_ADDS; i < users.size(); i++) {
                    String user = users.get(i);
                    done.add(pool.submit((Callable<Void>) () -> {
                        start.await();
                        liteLlmAdd(plain, ACME_PLATFORM_TEAM, user);
                        return null;
                    }));
                }
                start.countDown();
                for (Future<?> future : done) {
                    future.get(120, TimeUnit.SECONDS);
                }
            } finally {
                pool.shutdownNow();
            }
        }

        List<String> roster = sql.column("select e ->> 'user_id' from \"LiteLLM_TeamTable\" t, "
                + "jsonb_array_elements(t.members_with_roles) e where t.team_id = ?", ACME_PLATFORM_TEAM);
        assertThat(roster).doesNotHaveDuplicates().hasSize(original.size() + users.size())
                .containsAll(users).startsWith(original.toArray(String[]::new));
        assertThat(sql.column("select user_id from \"LiteLLM_UserTable\" where ?::text = any(teams) and user_id = any(?::text[])",
                ACME_PLATFORM_TEAM, "{" + String.join(",", users) + "}")).hasSize(users.size());
        assertThat(sql.column("select user_id from \"LiteLLM_TeamMembership\" where team_id = ? and user_id = any(?::text[])",
                ACME_PLATFORM_TEAM, "{" + String.join(",", users) + "}")).hasSize(users.size());
        assertThat(sql.value("select count(*) from \"LiteLLM_AuditLog\" where object_id = ? and changed_by like 'nemo-console:%'", ACME_PLATFORM_TEAM))
                .as("one roster audit row per console add").isEqualTo(String.valueOf(CONSOLE_ADDS));
    }

    /** LiteLLM's team member add, as newest LiteLLM runs it: lock, read the roster, append in memory, write. */
    private void liteLlmAdd(DataSource dataSource, String team, String user) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement lock = connection.prepareStatement("select pg_advisory_xact_lock(hashtext(?))")) {
                lock.setString(1, team);
                lock.execute();
            }
            try (PreparedStatement rows = connection.prepareStatement(
                    "select user_id from \"LiteLLM_UserTable\" where user_id = any(?) order by user_id for update")) {
                Array ids = connection.createArrayOf("text", new String[] {user});
                rows.setArray(1, ids);
                rows.executeQuery().close();
            }
            ArrayNode roster;
            try (PreparedStatement read = connection.prepareStatement(
                    "select members_with_roles::text from \"LiteLLM_TeamTable\" where team_id = ?")) {
                read.setString(1, team);
                try (ResultSet result = read.executeQuery()) {
                    result.next();
                    roster = (ArrayNode) json.readTree(result.getString(1));
                }
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
            roster.addObject().put("user_id", user).putNull("user_email").put("role", "user");
            try (PreparedStatement write = connection.prepareStatement("update \"LiteLLM_TeamTable\" set "
                    + "members_with_roles = ?::jsonb, updated_at = timezone('utc', now()) where team_id = ?")) {
                write.setString(1, roster.toString());
                write.setString(2, team);
                write.executeUpdate();
            }
            try (PreparedStatement teams = connection.prepareStatement("update \"LiteLLM_UserTable\" set "
                    + "teams = array_append(teams, ?), updated_at = timezone('utc', now()) where user_id = ?")) {
                teams.setString(1, team);
                teams.setString(2, user);
                teams.executeUpdate();
            }
            try (PreparedStatement membership = connection.prepareStatement(
                    "insert into \"LiteLLM_TeamMembership\" (user_id, team_id, spend) values (?, ?, 0)")) {
                membership.setString(1, user);
                membership.setString(2, team);
                membership.executeUpdate();
            }
            connection.commit();
        }
    }
}
