package com.nemorouter.console.connection;

import static com.nemorouter.console.testing.Seed.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

import com.nemorouter.console.wiring.ConsoleServices;
import com.nemorouter.console.cli.CommandLine;
import com.nemorouter.console.membership.MembershipEdit;
import com.nemorouter.console.membership.MembershipService;
import com.nemorouter.console.testing.Sql;
import com.nemorouter.console.testing.TestDatabases;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A role with SELECT only, created here; and the --read-only flag for a role that could write. */
class ReadOnlyModeTest {

    private static String name;
    private static String role;
    private static Sql sql;

    @TempDir
    Path home;

    @BeforeAll
    static void createSelectOnlyRole() {
        name = TestDatabases.copyOfSeed();
        role = "reader_" + name;
        sql = new Sql(TestDatabases.dataSource(name));
        sql.execute("create role " + role + " login; grant usage on schema public, auth, nemo to " + role
                + "; grant select on all tables in schema public, auth, nemo to " + role);
    }

    private static String readerUrl() {
        return "postgresql://" + role + "@localhost:" + TestDatabases.port() + "/" + name;
    }

    private Connector.OpenConnection open(String url, boolean readOnlyFlag) {
        List<String> args = readOnlyFlag ? List.of("--url", url, "--read-only") : List.of("--url", url);
        return new Connector(new ConsoleHome(home)).open(LaunchOptions.parse(args, Map.of()));
    }

    @Test
    void aSelectOnlyRoleGetsAReadOnlyConsoleAndTheDatabaseRefusesItsWrites() {
        try (Connector.OpenConnection connection = open(readerUrl(), false)) {
            Database database = connection.database();
            assertThat(database.readOnlyReason()).hasValueSatisfying(reason -> assertThat(reason)
                    .startsWith("role " + role + " lacks ")
                    .contains("INSERT, UPDATE on LiteLLM_UserTable", "INSERT, UPDATE, DELETE on LiteLLM_OrganizationMembership",
                            "UPDATE on LiteLLM_TeamTable", "INSERT on LiteLLM_AuditLog"));
            Object setting = database.read(em -> em.createNativeQuery("show default_transaction_read_only").getSingleResult());
            assertThat(setting).isEqualTo("on");
            assertWriteRefusedAsReadOnly(database);

            MembershipService membership = ConsoleServices.wire(database, new ConsoleHome(home)).membership();
            String before = sql.fingerprint();
            assertThatThrownBy(() -> membership.apply(MembershipEdit.organizationRole(ACME,
                    List.of(DANA_TEAMS_ARRAY_DRIFT), "org_admin"), false))
                    .isInstanceOf(MembershipService.ReadOnlyRefused.class)
                    .hasMessageStartingWith("The console is in read-only mode (role " + role + " lacks ");
            assertThat(sql.fingerprint()).isEqualTo(before);
        }
    }

    @Test
    void theReadOnlyFlagMakesEvenASuperuserSessionRefuseWrites() {
        try (Connector.OpenConnection connection = open(TestDatabases.url(name), true)) {
            assertThat(connection.database().readOnlyReason()).contains("started with --read-only");
            assertWriteRefusedAsReadOnly(connection.database());
        }
        try (Connector.OpenConnection connection = open(TestDatabases.url(name), false)) {
            assertThat(connection.database().readOnlyReason()).as("the owner may write").isEmpty();
        }
    }

    @Test
    void theWindowsToggleSwitchesAWritableConnectionButNeverOneOpenedReadOnly() {
        try (Connector.OpenConnection connection = open(TestDatabases.url(name), false)) {
            Database database = connection.database();
            database.switchReadOnly(true);
            assertThat(database.readOnlyReason()).contains("switched on in the window");
            assertWriteRefusedAsReadOnly(database);
            database.switchReadOnly(false);
            assertThat(database.readOnlyReason()).isEmpty();
            int updated = database.write(em -> em.createNativeQuery("update public.\"LiteLLM_TeamTable\" "
                    + "set updated_at = updated_at where team_id = :team").setParameter("team", ACME_PLATFORM_TEAM)
                    .executeUpdate());
            assertThat(updated).isEqualTo(1);
        }
        try (Connector.OpenConnection connection = open(readerUrl(), false)) {
            assertThatThrownBy(() -> connection.database().switchReadOnly(false))
                    .isInstanceOf(IllegalStateException.class).hasMessageStartingWith("This connection is read-only (role ");
        }
    }

    @Test
    void commandLineEditsExitNonZeroAndWriteNothing() {
        String before = sql.fingerprint();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new CommandLine(new Connector(new ConsoleHome(home)), new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8)).run(List.of("--url", readerUrl(), "members", "add",
                "--org", ACME, "--user", DANA_TEAMS_ARRAY_DRIFT, "--role", "internal_user"), Map.of());
        assertThat(code).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("read-only mode").contains("nothing was written");
        assertThat(sql.fingerprint()).isEqualTo(before);
    }

    /** Straight through the console's own session, bypassing every service check. */
    private static void assertWriteRefusedAsReadOnly(Database database) {
        assertThatThrownBy(() -> database.write(em -> em.createNativeQuery(
                "update public.\"LiteLLM_TeamTable\" set updated_at = timezone('utc', now()) where team_id = :team")
                .setParameter("team", ACME_PLATFORM_TEAM).executeUpdate()))
                .satisfies(failure -> assertThat(sqlState(failure)).isEqualTo("25006"));
    }

    private static String sqlState(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sqlException) {
                return sqlException.getSQLState();
            }
        }
        return null;
    }
}
