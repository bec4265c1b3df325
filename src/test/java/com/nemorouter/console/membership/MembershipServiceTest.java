package com.nemorouter.console.membership;

import static com.nemorouter.console.testing.Seed.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nemorouter.console.wiring.ConsoleServices;
import com.nemorouter.console.audit.AuditTrail;
import com.nemorouter.console.connection.ConsoleHome;
import com.nemorouter.console.connection.Database;
import com.nemorouter.console.testing.AuditShapes;
import com.nemorouter.console.testing.SchemaVariant;
import com.nemorouter.console.testing.Sql;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** Runs over every {@link SchemaVariant}: LiteLLM 0.4.64's columns and newest, default and renamed schemas. */
@ParameterizedClass
@EnumSource(SchemaVariant.class)
class MembershipServiceTest {

    @Parameter
    SchemaVariant variant;

    static final String NEW_HIRE = "00000000-0000-4000-8000-0000000000e1";
    static final String NEW_HIRE_EMAIL = "new.hire@acme.example";

    @TempDir
    Path home;

    private Database database;
    private MembershipService service;
    private Sql sql;
    private final ObjectMapper json = new ObjectMapper();

    @BeforeEach
    void open() {
        String name = variant.copyOfSeed();
        database = Database.open(variant.target(name));
        service = ConsoleServices.wire(database, new ConsoleHome(home)).membership();
        sql = variant.sql(name);
        sql.execute("insert into {auth}.users (id, email, created_at) values ('" + NEW_HIRE + "', 'New.Hire@acme.example', now())");
    }

    @AfterEach
    void close() {
        database.close();
    }

    private String acmeUser(int i) {
        return sql.value("select md5('user-1-' || ?)::uuid::text", String.valueOf(i));
    }

    private String cedarUser(int i) {
        return sql.value("select md5('user-3-' || ?)::uuid::text", String.valueOf(i));
    }

    private JsonNode roster(String team) throws Exception {
        return json.readTree(sql.value("select members_with_roles::text from \"LiteLLM_TeamTable\" where team_id = ?", team));
    }

    private List<String> auditActions(String changedObjectPrefix) {
        return sql.column("""
                select action || ' ' || table_name from "LiteLLM_AuditLog"
                where changed_by like 'nemo-console:%' and (object_id = ? or object_id like ? || '/%' or object_id like '%/' || ?)
                order by table_name, object_id""", changedObjectPrefix, changedObjectPrefix, changedObjectPrefix);
    }

    @Test
    void organizationAddCreatesTheLiteLlmUserWithDefaultsAndTheMembershipAndAuditsBoth() {
        long before = database.statistics().getPrepareStatementCount();
        EditResult result = service.apply(MembershipEdit.organizationAdd(ACME, List.of(NEW_HIRE_EMAIL), "internal_user_viewer"), false);
        long statements = database.statistics().getPrepareStatementCount() - before;

        assertThat(result.lines()).containsExactly(
                "created LiteLLM_UserTable " + NEW_HIRE,
                "created LiteLLM_OrganizationMembership " + ACME + "/" + NEW_HIRE);
        assertThat(sql.rows("select user_email, user_role, teams::text, spend::text, metadata::text, organization_id "
                + "from \"LiteLLM_UserTable\" where user_id = ?", NEW_HIRE))
                .containsExactly(Arrays.asList("New.Hire@acme.example", "internal_user", "{}", "0", "{}", null));
        assertThat(sql.rows("select user_role, spend::text from \"LiteLLM_OrganizationMembership\" "
                + "where user_id = ? and organization_id = ?", NEW_HIRE, ACME))
                .containsExactly(List.of("internal_user_viewer", "0"));
        assertThat(sql.rows("select action, table_name, changed_by from \"LiteLLM_AuditLog\" where object_id in (?, ?) "
                + "order by table_name", NEW_HIRE, ACME + "/" + NEW_HIRE)).extracting(row -> row.subList(0, 2))
                .containsExactly(List.of("created", "LiteLLM_OrganizationMembership"), List.of("created", "LiteLLM_UserTable"));
        assertThat(sql.value("select changed_by from \"LiteLLM_AuditLog\" where object_id = ?", NEW_HIRE))
                .matches("nemo-console:.+@.+ \\(db role postgres\\)");
        assertThat(result.auditNote()).isEqualTo("2 audit records written to LiteLLM_AuditLog.");
        assertThat(statements).as("statements for one org add").isLessThanOrEqualTo(8);
    }

    @Test
    void organizationAddRefusesAnExistingMemberAnUnknownUserAndAnUnknownOrgWritingNothing() {
        String fingerprint = sql.fingerprint();
        assertThatThrownBy(() -> service.apply(MembershipEdit.organizationAdd(ACME, List.of(NEW_HIRE, acmeUser(2)), "internal_user"), false))
                .isInstanceOf(EditRefused.class).hasMessage("already a member of organization " + ACME + ": " + acmeUser(2));
        assertThatThrownBy(() -> service.apply(MembershipEdit.organizationAdd(ACME, List.of("nobody@nowhere.example"), "internal_user"), false))
                .isInstanceOf(EditRefused.class).hasMessage("unknown user (not in auth.users): nobody@nowhere.example");
        assertThatThrownBy(() -> service.apply(MembershipEdit.organizationAdd(GHOSTWIRE_NEMO_ONLY, List.of(NEW_HIRE), "internal_user"), false))
                .isInstanceOf(EditRefused.class)
                .hasMessage("unknown organization " + GHOSTWIRE_NEMO_ONLY + " (no LiteLLM_OrganizationTable row)");
        assertThat(sql.fingerprint()).isEqualTo(fingerprint);
    }

    @Test
    void organizationRoleUpdatesTheRoleAndUpdatedAtInUtc() throws Exception {
        String user = acmeUser(3);
        LocalDateTime start = LocalDateTime.now(ZoneOffset.UTC).minusSeconds(1);
        EditResult result = service.apply(MembershipEdit.organizationRole(ACME, List.of(user), "org_admin"), false);

        assertThat(result.lines()).containsExactly("updated LiteLLM_OrganizationMembership " + ACME + "/" + user);
        assertThat(sql.value("select user_role from \"LiteLLM_OrganizationMembership\" where user_id = ? and organization_id = ?", user, ACME))
                .isEqualTo("org_admin");
        LocalDateTime updatedAt = LocalDateTime.parse(sql.value("select to_char(updated_at, 'YYYY-MM-DD\"T\"HH24:MI:SS.MS') "
                + "from \"LiteLLM_OrganizationMembership\" where user_id = ? and organization_id = ?", user, ACME));
        assertThat(updatedAt).isAfter(start).isBefore(LocalDateTime.now(ZoneOffset.UTC).plusSeconds(1));
        List<String> audit = sql.rows("select before_value ->> 'user_role', updated_values ->> 'user_role' from \"LiteLLM_AuditLog\" "
                + "where object_id = ?", ACME + "/" + user).get(0);
        assertThat(audit).containsExactly("internal_user", "org_admin");
    }

    @Test
    void organizationRemoveAlsoRemovesFromTheOrgsTeamsAndArchivesTheirTeamKeys() throws Exception {
        List<String> key = sql.rows("select user_id, team_id, token from \"LiteLLM_VerificationToken\" "
                + "where token = encode(sha256(convert_to('sk-demo-1', 'UTF8')), 'hex')").get(0);
        String user = key.get(0);
        assertThat(key.get(1)).isEqualTo(ACME_PLATFORM_TEAM);
        JsonNode before = roster(ACME_PLATFORM_TEAM);

        EditResult result = service.apply(MembershipEdit.organizationRemove(ACME, List.of(user), true), false);

        assertThat(result.lines()).contains("deleted LiteLLM_OrganizationMembership " + ACME + "/" + user,
                "deleted LiteLLM_TeamMembership " + ACME_PLATFORM_TEAM + "/" + user,
                "updated LiteLLM_TeamTable " + ACME_PLATFORM_TEAM,
                "updated LiteLLM_UserTable " + user,
                "deleted LiteLLM_VerificationToken " + key.get(2));
        assertThat(sql.value("select count(*) from \"LiteLLM_OrganizationMembership\" where user_id = ? and organization_id = ?", user, ACME))
                .isEqualTo("0");
        assertThat(sql.value("select count(*) from \"LiteLLM_TeamMembership\" tm join \"LiteLLM_TeamTable\" t on t.team_id = tm.team_id "
                + "where tm.user_id = ? and t.organization_id = ?", user, ACME)).isEqualTo("0");
        assertThat(sql.value("select count(*) from \"LiteLLM_TeamTable\" where organization_id = ? "
                + "and members_with_roles @> jsonb_build_array(jsonb_build_object('user_id', ?::text))", ACME, user)).isEqualTo("0");
        assertThat(sql.value("select count(*) from \"LiteLLM_UserTable\" u join \"LiteLLM_TeamTable\" t on t.team_id = any(u.teams) "
                + "where u.user_id = ? and t.organization_id = ?", user, ACME)).isEqualTo("0");
        assertThat(sql.value("select count(*) from \"LiteLLM_VerificationToken\" where token = ?", key.get(2))).isEqualTo("0");
        assertThat(sql.rows("select team_id, user_id, key_name, deleted_by from \"LiteLLM_DeletedVerificationToken\" where token = ?", key.get(2)))
                .singleElement().satisfies(row -> {
                    assertThat(row.subList(0, 3)).containsExactly(ACME_PLATFORM_TEAM, user, "sk-...mo-1");
                    assertThat(row.get(3)).startsWith("nemo-console:");
                });
        JsonNode after = roster(ACME_PLATFORM_TEAM);
        assertThat(after).hasSize(before.size() - 1);
        int j = 0;
        for (JsonNode entry : before) {
            if (!entry.path("user_id").asText().equals(user)) {
                assertThat(after.get(j++)).as("other entries untouched, in order").isEqualTo(entry);
            }
        }
        assertThat(result.changes()).as("one audit row per change").hasSize(Integer.parseInt(
                sql.value("select count(*) from \"LiteLLM_AuditLog\" where changed_by like 'nemo-console:%'")));
    }

    @Test
    void everyEditWritesAuditRowsShapedAsLiteLlmWritesThem() {
        String user = sql.value("select user_id from \"LiteLLM_VerificationToken\" "
                + "where token = encode(sha256(convert_to('sk-demo-1', 'UTF8')), 'hex')");
        service.apply(MembershipEdit.organizationAdd(ACME, List.of(NEW_HIRE_EMAIL), "internal_user"), false);
        service.apply(MembershipEdit.organizationRole(ACME, List.of(NEW_HIRE), "org_admin"), false);
        service.apply(MembershipEdit.teamAdd(ACME_PLATFORM_TEAM, List.of(NEW_HIRE), "user", false), false);
        service.apply(MembershipEdit.teamRole(ACME_PLATFORM_TEAM, List.of(NEW_HIRE), "admin"), false);
        service.apply(MembershipEdit.teamRemove(ACME_PLATFORM_TEAM, List.of(NEW_HIRE)), false);
        service.apply(MembershipEdit.organizationRemove(ACME, List.of(user), true), false);

        assertThat(sql.column("""
                select distinct action || ' ' || table_name from "LiteLLM_AuditLog" where changed_by like 'nemo-console:%'
                order by 1""")).contains("created LiteLLM_UserTable", "updated LiteLLM_UserTable",
                "updated LiteLLM_TeamTable", "deleted LiteLLM_VerificationToken", "created LiteLLM_OrganizationMembership",
                "updated LiteLLM_OrganizationMembership", "deleted LiteLLM_OrganizationMembership",
                "created LiteLLM_TeamMembership", "deleted LiteLLM_TeamMembership");
        assertThat(sql.rows(AuditShapes.LITELLM_SHAPE_VIOLATIONS)).as("rows not shaped as LiteLLM writes them").isEmpty();
    }


    @Test
    void organizationRemoveKeepingTeamsDeletesOnlyTheMembership() throws Exception {
        String user = acmeUser(2);
        JsonNode rosters = json.readTree(sql.value("select jsonb_agg(members_with_roles order by team_id)::text "
                + "from \"LiteLLM_TeamTable\" where organization_id = ?", ACME));

        EditResult result = service.apply(MembershipEdit.organizationRemove(ACME, List.of(user), false), false);

        assertThat(result.lines()).containsExactly("deleted LiteLLM_OrganizationMembership " + ACME + "/" + user);
        assertThat(json.readTree(sql.value("select jsonb_agg(members_with_roles order by team_id)::text "
                + "from \"LiteLLM_TeamTable\" where organization_id = ?", ACME))).isEqualTo(rosters);
    }

    @Test
    void teamAddTurnsTheEmptyObjectRosterIntoAnArrayAndWritesAllThreeCopies() throws Exception {
        String user = cedarUser(5);
        String email = sql.value("select email from {auth}.users where id = ?::uuid", user);

        EditResult result = service.apply(MembershipEdit.teamAdd(SANDBOX_TEAM_EMPTY_OBJECT, List.of(user), "admin", false), false);

        assertThat(result.lines()).containsExactly(
                "updated LiteLLM_UserTable " + user,
                "created LiteLLM_TeamMembership " + SANDBOX_TEAM_EMPTY_OBJECT + "/" + user,
                "updated LiteLLM_TeamTable " + SANDBOX_TEAM_EMPTY_OBJECT);
        assertThat(roster(SANDBOX_TEAM_EMPTY_OBJECT)).isEqualTo(json.readTree(
                "[{\"user_id\": \"" + user + "\", \"user_email\": \"" + email + "\", \"role\": \"admin\"}]"));
        assertThat(sql.value("select ?::text = any(teams) from \"LiteLLM_UserTable\" where user_id = ?", SANDBOX_TEAM_EMPTY_OBJECT, user))
                .isEqualTo("t");
        assertThat(sql.value("select spend::text from \"LiteLLM_TeamMembership\" where user_id = ? and team_id = ?", user, SANDBOX_TEAM_EMPTY_OBJECT))
                .isEqualTo("0");
        assertThat(sql.rows("select before_value -> 'members_with_roles' ->> 'x', before_value ->> 'team_alias', "
                        + "(select string_agg(k, ',' order by k) from jsonb_object_keys(updated_values) k) "
                        + "from \"LiteLLM_AuditLog\" where object_id = ?", SANDBOX_TEAM_EMPTY_OBJECT))
                .as("the whole team row before (roster {}), and the changed keys")
                .singleElement().satisfies(row -> assertThat(row.subList(1, 3)).containsExactly("Sandbox",
                        "members_with_roles,updated_at"));
        assertThat(auditActions(user)).containsExactly("created LiteLLM_TeamMembership", "updated LiteLLM_UserTable");
    }

    @Test
    void teamAddAppendsAfterTheExistingEntriesAndKeepsThemUntouched() throws Exception {
        String user = acmeUser(16);
        JsonNode before = roster(ACME_PLATFORM_TEAM);
        assertThat(before.toString()).doesNotContain(user);

        service.apply(MembershipEdit.teamAdd(ACME_PLATFORM_TEAM, List.of(user), "user", false), false);

        JsonNode after = roster(ACME_PLATFORM_TEAM);
        assertThat(after).hasSize(before.size() + 1);
        for (int i = 0; i < before.size(); i++) {
            assertThat(after.get(i)).isEqualTo(before.get(i));
        }
        assertThat(after.get(before.size()).get("user_id").asText()).isEqualTo(user);
        assertThat(after.get(before.size()).get("role").asText()).isEqualTo("user");
    }

    @Test
    void teamAddToATeamWithoutOrganizationChecksNoOrgMembership() throws Exception {
        sql.execute("update {litellm}.\"LiteLLM_TeamTable\" set organization_id = null where team_id = '" + ACME_PLATFORM_TEAM + "'");

        EditResult result = service.apply(MembershipEdit.teamAdd(ACME_PLATFORM_TEAM, List.of(NEW_HIRE), "user", false), false);

        assertThat(result.lines()).contains("updated LiteLLM_TeamTable " + ACME_PLATFORM_TEAM)
                .noneMatch(line -> line.contains("LiteLLM_OrganizationMembership"));
        JsonNode after = roster(ACME_PLATFORM_TEAM);
        assertThat(after.get(after.size() - 1).get("user_id").asText()).isEqualTo(NEW_HIRE);
    }

    @Test
    void teamAddRefusesAUserOutsideTheTeamsOrgUnlessAskedToAddThemThereToo() {
        String fingerprint = sql.fingerprint();
        assertThatThrownBy(() -> service.apply(MembershipEdit.teamAdd(ACME_PLATFORM_TEAM, List.of(NEW_HIRE), "user", false), false))
                .isInstanceOfSatisfying(EditRefused.NotInOrganization.class, refused -> {
                    assertThat(refused.userIds()).containsExactly(NEW_HIRE);
                    assertThat(refused.organizationId()).isEqualTo(ACME);
                });
        assertThat(sql.fingerprint()).isEqualTo(fingerprint);

        EditResult result = service.apply(MembershipEdit.teamAdd(ACME_PLATFORM_TEAM, List.of(NEW_HIRE), "user", false)
                .withAddToOrganization(), false);

        assertThat(result.lines()).containsExactly(
                "created LiteLLM_UserTable " + NEW_HIRE,
                "created LiteLLM_OrganizationMembership " + ACME + "/" + NEW_HIRE,
                "updated LiteLLM_UserTable " + NEW_HIRE,
                "created LiteLLM_TeamMembership " + ACME_PLATFORM_TEAM + "/" + NEW_HIRE,
                "updated LiteLLM_TeamTable " + ACME_PLATFORM_TEAM);
        assertThat(sql.value("select user_role from \"LiteLLM_OrganizationMembership\" where user_id = ?", NEW_HIRE))
                .isEqualTo("internal_user");
        assertThat(sql.value("select teams::text from \"LiteLLM_UserTable\" where user_id = ?", NEW_HIRE))
                .isEqualTo("{" + ACME_PLATFORM_TEAM + "}");
    }

    @Test
    void teamAddRefusesAnExistingMemberAndAnUnknownTeam() {
        String member = roster(ACME_PLATFORM_TEAM, 0);
        assertThatThrownBy(() -> service.apply(MembershipEdit.teamAdd(ACME_PLATFORM_TEAM, List.of(member), "user", false), false))
                .isInstanceOf(EditRefused.class).hasMessage("already a member of team " + ACME_PLATFORM_TEAM + ": " + member);
        assertThatThrownBy(() -> service.apply(MembershipEdit.teamAdd(GHOSTWIRE_CORE_TEAM, List.of(member), "user", false), false))
                .isInstanceOf(EditRefused.class).hasMessage("unknown team " + GHOSTWIRE_CORE_TEAM + " (no LiteLLM_TeamTable row)");
    }

    private String roster(String team, int index) {
        return sql.value("select members_with_roles -> " + index + " ->> 'user_id' from \"LiteLLM_TeamTable\" where team_id = ?", team);
    }

    @Test
    void teamRoleRewritesOnlyThatEntrysRole() throws Exception {
        JsonNode before = roster(ACME_PLATFORM_TEAM);
        String user = before.get(1).get("user_id").asText();
        String newRole = before.get(1).get("role").asText().equals("admin") ? "user" : "admin";

        EditResult result = service.apply(MembershipEdit.teamRole(ACME_PLATFORM_TEAM, List.of(user), newRole), false);

        assertThat(result.lines()).containsExactly("updated LiteLLM_TeamTable " + ACME_PLATFORM_TEAM);
        JsonNode after = roster(ACME_PLATFORM_TEAM);
        assertThat(after).hasSize(before.size());
        for (int i = 0; i < before.size(); i++) {
            if (i == 1) {
                assertThat(after.get(i).get("role").asText()).isEqualTo(newRole);
                assertThat(after.get(i).get("user_email")).isEqualTo(before.get(i).get("user_email"));
            } else {
                assertThat(after.get(i)).isEqualTo(before.get(i));
            }
        }
        assertThatThrownBy(() -> service.apply(MembershipEdit.teamRole(ACME_PLATFORM_TEAM, List.of(NEW_HIRE), "user"), false))
                .isInstanceOf(EditRefused.class).hasMessage("not a member of team " + ACME_PLATFORM_TEAM + ": " + NEW_HIRE);
    }

    @Test
    void teamRemoveClearsAllThreeCopiesAndArchivesOnlyThatTeamsKeysOfTheUser() throws Exception {
        List<String> key = sql.rows("select user_id, token from \"LiteLLM_VerificationToken\" "
                + "where token = encode(sha256(convert_to('sk-demo-2', 'UTF8')), 'hex')").get(0);
        String user = key.get(0);
        long otherKeys = Long.parseLong(sql.value("select count(*) from \"LiteLLM_VerificationToken\" "
                + "where user_id = ? and team_id is distinct from ?", user, ACME_PLATFORM_TEAM));

        EditResult result = service.apply(MembershipEdit.teamRemove(ACME_PLATFORM_TEAM, List.of(user)), false);

        assertThat(result.lines()).contains("deleted LiteLLM_VerificationToken " + key.get(1));
        assertThat(roster(ACME_PLATFORM_TEAM).toString()).doesNotContain(user);
        assertThat(sql.value("select ?::text = any(teams) from \"LiteLLM_UserTable\" where user_id = ?", ACME_PLATFORM_TEAM, user))
                .isEqualTo("f");
        assertThat(sql.value("select count(*) from \"LiteLLM_TeamMembership\" where user_id = ? and team_id = ?", user, ACME_PLATFORM_TEAM))
                .isEqualTo("0");
        assertThat(sql.value("select count(*) from \"LiteLLM_DeletedVerificationToken\" where token = ?", key.get(1))).isEqualTo("1");
        assertThat(Long.parseLong(sql.value("select count(*) from \"LiteLLM_VerificationToken\" where user_id = ?", user)))
                .isEqualTo(otherKeys);
        assertThat(sql.value("select count(*) from \"LiteLLM_OrganizationMembership\" where user_id = ? and organization_id = ?", user, ACME))
                .as("a team remove keeps the org membership").isEqualTo("1");
    }

    @Test
    void dryRunReportsTheSameChangesAndWritesNothing() {
        String fingerprint = sql.fingerprint();
        EditResult planned = service.apply(MembershipEdit.teamAdd(ACME_PLATFORM_TEAM, List.of(NEW_HIRE), "user", true), true);
        assertThat(planned.dryRun()).isTrue();
        assertThat(sql.fingerprint()).isEqualTo(fingerprint);
        EditResult done = service.apply(MembershipEdit.teamAdd(ACME_PLATFORM_TEAM, List.of(NEW_HIRE), "user", true), false);
        assertThat(done.lines()).isEqualTo(planned.lines());
    }

    @Test
    void theStatementCountOfAnEditDoesNotGrowWithTheNumberOfUsers() {
        long start = database.statistics().getPrepareStatementCount();
        service.apply(MembershipEdit.teamAdd(SANDBOX_TEAM_EMPTY_OBJECT, List.of(cedarUser(6)), "user", false), false);
        long one = database.statistics().getPrepareStatementCount() - start;
        start = database.statistics().getPrepareStatementCount();
        service.apply(MembershipEdit.teamAdd(SANDBOX_TEAM_EMPTY_OBJECT, List.of(cedarUser(7), cedarUser(8), cedarUser(9),
                cedarUser(10)), "user", false), false);
        long four = database.statistics().getPrepareStatementCount() - start;
        assertThat(four).isEqualTo(one).isLessThanOrEqualTo(14);
    }

    @Test
    void withoutTheAuditTableTheEditCommitsAndItsRecordsGoToTheLocalFile() throws Exception {
        sql.execute("drop table \"LiteLLM_AuditLog\"");
        EditResult result = service.apply(MembershipEdit.organizationRole(ACME, List.of(acmeUser(3)), "org_admin"), false);
        Path file = home.resolve(AuditTrail.LOCAL_FILE_NAME);
        assertThat(result.auditNote()).isEqualTo("LiteLLM_AuditLog does not exist in this database: "
                + "1 audit record appended to " + file + ".");
        assertThat(Files.readAllLines(file)).singleElement().satisfies(line ->
                assertThat(json.readTree(line).get("object_id").asText()).isEqualTo(ACME + "/" + acmeUser(3)));
    }

    @Test
    void roleAndRemoveFindALegacyUppercaseUserIdByItsExactText() {
        EditResult result = service.apply(MembershipEdit.organizationRole(CEDAR_POINT, List.of(UMA_UPPERCASE_LITELLM_ID), "org_admin"), false);
        assertThat(result.lines()).containsExactly("updated LiteLLM_OrganizationMembership " + CEDAR_POINT + "/" + UMA_UPPERCASE_LITELLM_ID);
    }

    @Test
    void severalUsersAtOnceAreOneTransaction() {
        String a = cedarUser(6);
        String b = cedarUser(7);
        EditResult result = service.apply(MembershipEdit.teamAdd(SANDBOX_TEAM_EMPTY_OBJECT, List.of(a, b), "user", false), false);
        assertThat(result.lines()).filteredOn(line -> line.startsWith("updated LiteLLM_TeamTable")).hasSize(1);
        assertThat(sql.value("select jsonb_array_length(members_with_roles) from \"LiteLLM_TeamTable\" where team_id = ?",
                SANDBOX_TEAM_EMPTY_OBJECT)).isEqualTo("2");
    }
}
