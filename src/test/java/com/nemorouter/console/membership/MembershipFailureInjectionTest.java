package com.nemorouter.console.membership;

import static com.nemorouter.console.testing.Seed.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

import com.nemorouter.console.wiring.ConsoleServices;
import com.nemorouter.console.audit.AuditTrail;
import com.nemorouter.console.connection.ConsoleHome;
import com.nemorouter.console.connection.Database;
import com.nemorouter.console.connection.FailureMessages;
import com.nemorouter.console.testing.Sql;
import com.nemorouter.console.testing.TestDatabases;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * For every edit operation, makes each row write of its transaction fail in turn (a test-only trigger on
 * a test copy raises on the Nth write) and checks that no table changed, then that the edit succeeds
 * once N passes its last write.
 */
class MembershipFailureInjectionTest {

    private static final String NEW_HIRE = "00000000-0000-4000-8000-0000000000e1";
    private static final List<String> TABLES = List.of("LiteLLM_UserTable", "LiteLLM_OrganizationMembership",
            "LiteLLM_TeamTable", "LiteLLM_TeamMembership", "LiteLLM_VerificationToken",
            "LiteLLM_DeletedVerificationToken", "LiteLLM_AuditLog");

    @TempDir
    Path home;

    static Stream<Arguments> operations() {
        return Stream.of(
                Arguments.of("org add", (Function<Sql, MembershipEdit>) sql ->
                        MembershipEdit.organizationAdd(ACME, List.of(NEW_HIRE), "internal_user")),
                Arguments.of("org role", (Function<Sql, MembershipEdit>) sql ->
                        MembershipEdit.organizationRole(ACME, List.of(keyOwner(sql, 1)), "org_admin")),
                Arguments.of("org remove with teams", (Function<Sql, MembershipEdit>) sql ->
                        MembershipEdit.organizationRemove(ACME, List.of(keyOwner(sql, 1)), true)),
                Arguments.of("team add with org add", (Function<Sql, MembershipEdit>) sql ->
                        MembershipEdit.teamAdd(ACME_PLATFORM_TEAM, List.of(NEW_HIRE), "user", true)),
                Arguments.of("team role", (Function<Sql, MembershipEdit>) sql ->
                        MembershipEdit.teamRole(ACME_PLATFORM_TEAM, List.of(keyOwner(sql, 2)), "admin")),
                Arguments.of("team remove", (Function<Sql, MembershipEdit>) sql ->
                        MembershipEdit.teamRemove(ACME_PLATFORM_TEAM, List.of(keyOwner(sql, 2)))));
    }

    private static String keyOwner(Sql sql, int key) {
        return sql.value("select user_id from \"LiteLLM_VerificationToken\" "
                + "where token = encode(sha256(convert_to('sk-demo-' || ?, 'UTF8')), 'hex')", String.valueOf(key));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("operations")
    void everyWriteFailingInTurnLeavesEveryTableUnchanged(String operation, Function<Sql, MembershipEdit> editOf) {
        String name = TestDatabases.copyOfSeed();
        Sql sql = new Sql(TestDatabases.dataSource(name));
        sql.execute("insert into auth.users (id, email, created_at) values ('" + NEW_HIRE + "', 'new.hire@acme.example', now())");
        installFailingTrigger(sql);
        MembershipEdit edit = editOf.apply(sql);
        try (Database database = Database.open(TestDatabases.target(name))) {
            MembershipService service = ConsoleServices.wire(database, new ConsoleHome(home)).membership();
            String unchanged = sql.fingerprint();
            int failures = 0;
            for (int n = 1; ; n++) {
                sql.execute("update test_fail set n = " + n + "; select setval('test_writes', 1, false)");
                EditResult result;
                try {
                    result = service.apply(edit, false);
                } catch (RuntimeException expected) {
                    assertThat(FailureMessages.describe("Editing", expected)).contains("injected failure on write " + n);
                    assertThat(sql.fingerprint()).as("%s, write %d failed", operation, n).isEqualTo(unchanged);
                    assertThat(home.resolve(AuditTrail.LOCAL_FILE_NAME)).doesNotExist();
                    failures++;
                    if (n > 100) {
                        fail("the edit never succeeded");
                    }
                    continue;
                }
                assertThat(failures).as("every write of %s failed once", operation)
                        .isEqualTo(Integer.parseInt(sql.value("select last_value from test_writes")))
                        .isGreaterThanOrEqualTo(result.changes().size() * 2);
                assertThat(sql.fingerprint()).isNotEqualTo(unchanged);
                break;
            }
        }
    }

    /** Test-only DDL on a private test copy: a row trigger on every table an edit writes. */
    private static void installFailingTrigger(Sql sql) {
        sql.execute("""
                create table test_fail (n integer not null);
                insert into test_fail values (0);
                create sequence test_writes;
                create function test_fail_nth() returns trigger language plpgsql as $$
                declare
                    target integer := (select n from test_fail);
                begin
                    if nextval('test_writes') = target then
                        raise exception 'injected failure on write %', target;
                    end if;
                    if tg_op = 'DELETE' then
                        return old;
                    end if;
                    return new;
                end $$;
                """);
        for (String table : TABLES) {
            sql.execute("create trigger test_fail_nth before insert or update or delete on public.\"" + table
                    + "\" for each row execute function test_fail_nth()");
        }
    }
}
