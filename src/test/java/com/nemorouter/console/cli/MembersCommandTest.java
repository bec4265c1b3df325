package com.nemorouter.console.cli;

import static com.nemorouter.console.testing.Seed.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.nemorouter.console.connection.ConsoleHome;
import com.nemorouter.console.connection.Connector;
import com.nemorouter.console.testing.Sql;
import com.nemorouter.console.testing.TestDatabases;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MembersCommandTest {

    private static final String NEW_HIRE = "00000000-0000-4000-8000-0000000000e1";

    @TempDir
    Path home;

    private String url;
    private Sql sql;
    private String out;
    private String err;

    @BeforeEach
    void copy() {
        String name = TestDatabases.copyOfSeed();
        url = TestDatabases.url(name);
        sql = new Sql(TestDatabases.dataSource(name));
        sql.execute("insert into auth.users (id, email, created_at) values ('" + NEW_HIRE + "', 'new.hire@acme.example', now())");
    }

    private int run(String... args) {
        List<String> all = new ArrayList<>(List.of("--url", url));
        all.addAll(List.of(args));
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        int code = new CommandLine(new Connector(new ConsoleHome(home)), new PrintStream(stdout, true, StandardCharsets.UTF_8),
                new PrintStream(stderr, true, StandardCharsets.UTF_8)).run(all, Map.of());
        out = stdout.toString(StandardCharsets.UTF_8);
        err = stderr.toString(StandardCharsets.UTF_8);
        return code;
    }

    private String acmeUser(int i) {
        return sql.value("select md5('user-1-' || ?)::uuid::text", String.valueOf(i));
    }

    @Test
    void aTeamEditIsUnavailableWithoutTheTeamMembershipTableAndWritesNothing() {
        sql.execute("drop table \"LiteLLM_TeamMembership\"");
        String before = sql.value("select members_with_roles::text from \"LiteLLM_TeamTable\" where team_id = ?",
                ACME_PLATFORM_TEAM);

        assertThat(run("members", "add", "--team", ACME_PLATFORM_TEAM, "--user", NEW_HIRE, "--role", "user", "--dry-run"))
                .isEqualTo(1);
        assertThat(err).contains("This database does not support team edits (table public.\"LiteLLM_TeamMembership\" "
                + "is missing (or not readable by this role)): nothing was written.");
        assertThat(sql.value("select members_with_roles::text from \"LiteLLM_TeamTable\" where team_id = ?",
                ACME_PLATFORM_TEAM)).isEqualTo(before);
    }

    @Test
    void removesFromATeamOnLiteLlm0464ColumnsWithItsKeysArchived() {
        sql.execute(com.nemorouter.console.testing.SchemaVariant.DROP_0_4_64_COLUMNS_FOR_TESTS);
        String user = sql.value("select user_id from \"LiteLLM_VerificationToken\" "
                + "where token = encode(sha256(convert_to('sk-demo-2', 'UTF8')), 'hex')");

        assertThat(run("members", "remove", "--team", ACME_PLATFORM_TEAM, "--user", user, "--dry-run")).isZero();
        assertThat(run("members", "remove", "--team", ACME_PLATFORM_TEAM, "--user", user)).isZero();
        assertThat(out.lines()).anyMatch(line -> line.startsWith("deleted LiteLLM_VerificationToken "));
        assertThat(sql.value("select count(*) from \"LiteLLM_DeletedVerificationToken\" where user_id = ? and team_id = ?",
                user, ACME_PLATFORM_TEAM)).isNotEqualTo("0");
    }

    @Test
    void addsToTheOrgThenTheTeamPrintingOneLinePerChange() {
        assertThat(run("members", "add", "--org", ACME, "--user", "new.hire@acme.example", "--role", "internal_user")).isZero();
        assertThat(out.lines()).containsExactly("created LiteLLM_UserTable " + NEW_HIRE,
                "created LiteLLM_OrganizationMembership " + ACME + "/" + NEW_HIRE);
        assertThat(err).contains("2 audit records written to LiteLLM_AuditLog.").contains("cached membership");

        assertThat(run("members", "add", "--team", ACME_PLATFORM_TEAM, "--user", NEW_HIRE, "--role", "admin")).isZero();
        assertThat(out.lines()).containsExactly("updated LiteLLM_UserTable " + NEW_HIRE,
                "created LiteLLM_TeamMembership " + ACME_PLATFORM_TEAM + "/" + NEW_HIRE,
                "updated LiteLLM_TeamTable " + ACME_PLATFORM_TEAM);

        assertThat(run("members", "role", "--team", ACME_PLATFORM_TEAM, "--user", NEW_HIRE, "--role", "user")).isZero();
        assertThat(out.lines()).containsExactly("updated LiteLLM_TeamTable " + ACME_PLATFORM_TEAM);

        assertThat(run("members", "remove", "--org", ACME, "--user", NEW_HIRE)).isZero();
        assertThat(out.lines()).contains("deleted LiteLLM_OrganizationMembership " + ACME + "/" + NEW_HIRE,
                "deleted LiteLLM_TeamMembership " + ACME_PLATFORM_TEAM + "/" + NEW_HIRE);
        assertThat(sql.value("select teams::text from \"LiteLLM_UserTable\" where user_id = ?", NEW_HIRE)).isEqualTo("{}");
    }

    @Test
    void severalUsersAndKeepTeams() {
        assertThat(run("members", "remove", "--org", ACME, "--user", acmeUser(2), "--user", acmeUser(3), "--keep-teams")).isZero();
        assertThat(out.lines()).containsExactlyInAnyOrder(
                "deleted LiteLLM_OrganizationMembership " + ACME + "/" + acmeUser(2),
                "deleted LiteLLM_OrganizationMembership " + ACME + "/" + acmeUser(3));
    }

    @Test
    void dryRunPrintsThePlannedRowsAndWritesNothing() {
        String before = sql.fingerprint();
        assertThat(run("members", "add", "--team", ACME_PLATFORM_TEAM, "--user", NEW_HIRE, "--role", "user",
                "--add-to-org", "--dry-run")).isZero();
        assertThat(out.lines()).containsExactly("plan: created LiteLLM_UserTable " + NEW_HIRE,
                "plan: created LiteLLM_OrganizationMembership " + ACME + "/" + NEW_HIRE,
                "plan: updated LiteLLM_UserTable " + NEW_HIRE,
                "plan: created LiteLLM_TeamMembership " + ACME_PLATFORM_TEAM + "/" + NEW_HIRE,
                "plan: updated LiteLLM_TeamTable " + ACME_PLATFORM_TEAM);
        assertThat(err).contains("dry run: nothing was written.");
        assertThat(sql.fingerprint()).isEqualTo(before);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "unknown role|add --org " + ACME + " --user " + NEW_HIRE + " --role owner|unknown organization role owner",
        "team role on an org|add --org " + ACME + " --user " + NEW_HIRE + " --role admin|unknown organization role admin",
        "malformed org UUID|add --org 550e8400-nope --user " + NEW_HIRE + " --role internal_user|malformed organization UUID: 550e8400-nope",
        "malformed user|add --org " + ACME + " --user bob --role internal_user|malformed user: bob is neither a UUID nor an email",
        "no user|add --org " + ACME + " --role internal_user|no user given",
        "no role|add --team " + ACME_PLATFORM_TEAM + " --user " + NEW_HIRE + "|no role given",
        "org and team|add --org " + ACME + " --team " + ACME_PLATFORM_TEAM + " --user " + NEW_HIRE + " --role user|exactly one of --org",
        "unknown action|promote --org " + ACME + " --user " + NEW_HIRE + "|unknown members action promote",
        "unknown org|add --org 00000000-0000-4000-8000-000000000099 --user " + NEW_HIRE + " --role internal_user|unknown organization 00000000-0000-4000-8000-000000000099",
        "unknown team|add --team 00000000-0000-4000-8000-000000000099 --user " + NEW_HIRE + " --role user|unknown team 00000000-0000-4000-8000-000000000099",
        "unknown user|add --org " + ACME + " --user 00000000-0000-4000-8000-000000000098 --role internal_user|unknown user (not in auth.users): 00000000-0000-4000-8000-000000000098",
        "not a member|remove --org " + ACME + " --user " + NEW_HIRE + "|not a member of organization " + ACME + ": " + NEW_HIRE,
        "not in the team's org|add --team " + ACME_PLATFORM_TEAM + " --user " + NEW_HIRE + " --role user|not a member of the team's organization " + ACME,
    })
    void badInputExitsTwoNamingTheProblemAndWritesNothing(String problem, String args, String message) {
        String before = sql.fingerprint();
        List<String> all = new ArrayList<>(List.of("members"));
        all.addAll(List.of(args.split(" ")));
        assertThat(run(all.toArray(String[]::new))).as(problem).isEqualTo(2);
        assertThat(err).startsWith("error: ").contains(message).doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(out).isEmpty();
        assertThat(sql.fingerprint()).isEqualTo(before);
    }

    @Test
    void alreadyAMemberExitsTwo() {
        String before = sql.fingerprint();
        assertThat(run("members", "add", "--org", ACME, "--user", acmeUser(2), "--role", "internal_user")).isEqualTo(2);
        assertThat(err).contains("already a member of organization " + ACME + ": " + acmeUser(2));
        assertThat(sql.fingerprint()).isEqualTo(before);
    }

    @Test
    void aDatabaseFailureExitsOneAndWritesNothing() {
        sql.execute("""
                create function test_refuse() returns trigger language plpgsql as $$
                begin raise exception 'audit storage is full'; end $$;
                create trigger test_refuse before insert on public."LiteLLM_AuditLog" for each row execute function test_refuse();
                """);
        String before = sql.fingerprint();
        assertThat(run("members", "add", "--org", ACME, "--user", NEW_HIRE, "--role", "internal_user")).isEqualTo(1);
        assertThat(err).startsWith("error: members failed: audit storage is full").doesNotContain("\tat ");
        assertThat(sql.fingerprint()).isEqualTo(before);
    }
}
