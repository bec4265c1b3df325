package com.nemorouter.console.audit;

import static com.nemorouter.console.testing.Seed.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nemorouter.console.wiring.ConsoleServices;
import com.nemorouter.console.connection.ConnectionSettings;
import com.nemorouter.console.connection.ConsoleHome;
import com.nemorouter.console.connection.Database;
import com.nemorouter.console.membership.MembershipEdit;
import com.nemorouter.console.testing.TestDatabases;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditTrailTest {

    private static final Instant NOON = Instant.parse("2026-11-26T12:00:00.123Z");
    private static final String MEMBERSHIP = AuditEntry.compositeId(ACME, DANA_TEAMS_ARRAY_DRIFT);

    @TempDir
    Path home;

    private String name;
    private Database database;
    private AuditTrail trail;
    private final ObjectMapper json = new ObjectMapper();

    @BeforeEach
    void open() {
        name = TestDatabases.copyOfSeed();
        database = Database.open(TestDatabases.target(name));
        trail = trailAt(NOON);
    }

    @AfterEach
    void close() {
        database.close();
    }

    private AuditTrail trailAt(Instant instant) {
        return new AuditTrail(new ConsoleHome(home), "alice", "ws1", Clock.fixed(instant, ZoneOffset.UTC));
    }

    private static List<AuditEntry> twoChanges() {
        return List.of(
                AuditEntry.updated("LiteLLM_TeamTable", FLEET_OPS_TEAM,
                        "{\"team_id\": \"" + FLEET_OPS_TEAM + "\", \"team_alias\": \"Fleet\", \"members_with_roles\": []}",
                        "{\"team_id\": \"" + FLEET_OPS_TEAM + "\", \"team_alias\": \"Fleet\", "
                                + "\"members_with_roles\": [{\"user_id\": \"u1\", \"user_email\": null, \"role\": \"user\"}]}"),
                AuditEntry.created("LiteLLM_OrganizationMembership", MEMBERSHIP,
                        "{\"user_id\": \"" + DANA_TEAMS_ARRAY_DRIFT + "\", \"user_role\": \"internal_user\"}"));
    }

    @Test
    void writesOneAuditLogRowPerChangedObjectInsideTheTransaction() throws Exception {
        AuditReceipt receipt = database.write(em -> trail.record(em, twoChanges()));

        assertThat(receipt.inAuditTable()).isTrue();
        assertThat(trail.publish(receipt)).isEqualTo("2 audit records written to LiteLLM_AuditLog.");
        assertThat(home.resolve(AuditTrail.LOCAL_FILE_NAME)).doesNotExist();
        List<List<String>> rows = query("""
                select id, to_char(updated_at, 'YYYY-MM-DD HH24:MI:SS.MS'), changed_by, changed_by_api_key, action,
                       table_name, object_id, before_value::text, updated_values::text
                from "LiteLLM_AuditLog" where changed_by like 'nemo-console:%' order by table_name""");
        assertThat(rows).hasSize(2);
        List<String> membership = rows.get(0);
        assertThat(membership.get(0)).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
                .isEqualTo(receipt.records().get(1).id());
        assertThat(membership.subList(1, 9)).containsExactly("2026-11-26 12:00:00.123",
                "nemo-console:alice@ws1 (db role postgres)", "", "created", "LiteLLM_OrganizationMembership",
                MEMBERSHIP, null,
                "{\"user_id\": \"" + DANA_TEAMS_ARRAY_DRIFT + "\", \"user_role\": \"internal_user\"}");
        assertThat(rows.get(1).subList(4, 9)).as("the whole row before, and only the changed keys")
                .containsExactly("updated", "LiteLLM_TeamTable", FLEET_OPS_TEAM,
                        "{\"team_id\": \"" + FLEET_OPS_TEAM + "\", \"team_alias\": \"Fleet\", \"members_with_roles\": []}",
                        "{\"members_with_roles\": [{\"role\": \"user\", \"user_id\": \"u1\", \"user_email\": null}]}");
    }

    @Test
    void updatedValuesHoldOnlyTheChangedKeysAndARemovedKeyAsNull() throws Exception {
        AuditEntry entry = AuditEntry.updated("LiteLLM_VerificationToken", "abc",
                "{\"token\": \"abc\", \"blocked\": false, \"key_alias\": \"k\", \"spend\": 1.5}",
                "{\"token\": \"abc\", \"blocked\": true, \"spend\": 1.5}");

        assertThat(json.readTree(entry.updatedValues())).isEqualTo(json.readTree("{\"blocked\": true, \"key_alias\": null}"));
        assertThat(entry.objectId()).isEqualTo("abc");
        assertThat(AuditEntry.deleted("LiteLLM_VerificationToken", "abc", "{\"token\": \"abc\"}").updatedValues())
                .isEqualTo("{}");
        assertThat(AuditEntry.updated("LiteLLM_TeamTable", "t", "{\"a\": 1}", "{\"a\": 1}").changesNothing()).isTrue();
    }

    @Test
    void wholeRowsLeaveNullsAndPasswordsOut() throws Exception {
        TestDatabases.execute(TestDatabases.dataSource(name),
                "update \"LiteLLM_UserTable\" set password = 'hash-of-secret' where user_id = '" + DANA_TEAMS_ARRAY_DRIFT + "'");

        String text = database.read(em -> AuditRows.read(em, "LiteLLM_UserTable", DANA_TEAMS_ARRAY_DRIFT));
        JsonNode row = json.readTree(text);

        assertThat(row.get("user_id").asText()).isEqualTo(DANA_TEAMS_ARRAY_DRIFT);
        assertThat(row.has("password")).isFalse();
        assertThat(row.has("sso_user_id")).as("null fields are left out").isFalse();
        assertThat(row.get("teams").isArray()).isTrue();
    }

    @Test
    void auditAsNamesThePersonFirstAndKeepsTheConsoleMarker() {
        database.write(em -> trail.as("admin@acme.example").record(em, twoChanges()));

        assertThat(changedBy()).containsExactly("admin@acme.example (nemo-console:alice@ws1, db role postgres)");
    }

    @Test
    void aProfilesAuditAsReachesTheEditsAuditRows() {
        try (Database audited = Database.open(TestDatabases.target(name),
                ConnectionSettings.DEFAULT.withAuditAs("admin@acme.example"))) {
            ConsoleServices.wire(audited, new ConsoleHome(home)).membership().apply(
                    MembershipEdit.teamRole(FLEET_OPS_TEAM, List.of(DANA_TEAMS_ARRAY_DRIFT), "admin"), false);
        }

        assertThat(changedBy()).singleElement().asString().startsWith("admin@acme.example (nemo-console:");
    }

    @Test
    void historyReadsLiteLlmsOwnRowsLikeTheConsoles() {
        // As LiteLLM's /team/member_add writes it: the whole team row before, the changed keys after.
        TestDatabases.execute(TestDatabases.dataSource(name), """
                insert into "LiteLLM_AuditLog" (id, updated_at, changed_by, changed_by_api_key, action, table_name,
                                                object_id, before_value, updated_values)
                values ('litellm-1', '2026-11-26 11:00:00', 'admin@acme.example', 'hashed-key', 'updated',
                        'LiteLLM_TeamTable', '%1$s',
                        '{"team_id": "%1$s", "members_with_roles": [{"role": "admin", "user_id": "u7"}]}',
                        '{"members_with_roles": [{"role": "admin", "user_id": "u7"}, {"role": "user", "user_id": "u9"}]}')
                """.formatted(FLEET_OPS_TEAM));
        database.write(em -> trail.record(em, twoChanges()));

        assertThat(history("u9", 50)).extracting(AuditRecord::id).containsExactly("litellm-1");
        assertThat(history("u7", 50)).extracting(AuditRecord::id).containsExactly("litellm-1");
        assertThat(history(FLEET_OPS_TEAM, 50)).extracting(AuditRecord::changedBy)
                .containsExactly("nemo-console:alice@ws1 (db role postgres)", "admin@acme.example");
    }

    @Test
    void rowsRollBackWithTheEdit() throws Exception {
        assertThatThrownBy(() -> database.write(em -> {
            trail.record(em, twoChanges());
            throw new IllegalStateException("the edit failed");
        })).hasMessage("the edit failed");
        assertThat(query("select count(*) from \"LiteLLM_AuditLog\" where changed_by like 'nemo-console:%'")).containsExactly(List.of("0"));
    }

    @Test
    void historyIsNewestFirstAndFindsCompositeIdsAndKeysOfTheObject() {
        database.write(em -> trail.record(em, twoChanges()));
        database.write(em -> trailAt(NOON.plusSeconds(60)).record(em, List.of(
                AuditEntry.deleted("LiteLLM_VerificationToken", "abc123",
                        "{\"token\": \"abc123\", \"team_id\": \"" + FLEET_OPS_TEAM + "\", \"user_id\": \"u1\"}"))));

        List<AuditRecord> team = history(FLEET_OPS_TEAM, 50);
        assertThat(team).extracting(AuditRecord::tableName)
                .containsExactly("LiteLLM_VerificationToken", "LiteLLM_TeamTable");
        assertThat(team.get(0).updatedAt()).isEqualTo(LocalDateTime.parse("2026-11-26T12:01:00.123"));
        assertThat(history(DANA_TEAMS_ARRAY_DRIFT, 50))
                .extracting(AuditRecord::objectId).containsExactly(MEMBERSHIP);
        assertThat(history(ACME, 50)).as("ours, then the seed's own row for the org")
                .extracting(AuditRecord::tableName)
                .containsExactly("LiteLLM_OrganizationMembership", "LiteLLM_OrganizationTable");
        assertThat(history(FLEET_OPS_TEAM, 1)).hasSize(1);
        assertThat(history("u1", 50)).as("a user finds the roster change that added them and their key")
                .extracting(AuditRecord::tableName).containsExactly("LiteLLM_VerificationToken", "LiteLLM_TeamTable");
    }

    @Test
    void withoutTheAuditTableRecordsGoToTheLocalFileOnlyAfterCommit() throws Exception {
        TestDatabases.execute(TestDatabases.dataSource(name), "drop table \"LiteLLM_AuditLog\"");
        Path file = home.resolve(AuditTrail.LOCAL_FILE_NAME);

        assertThatThrownBy(() -> database.write(em -> {
            trail.record(em, twoChanges());
            throw new IllegalStateException("the edit failed");
        })).hasMessage("the edit failed");
        assertThat(file).as("a rolled-back edit leaves no audit line").doesNotExist();

        AuditReceipt receipt = database.write(em -> trail.record(em, twoChanges()));
        assertThat(receipt.inAuditTable()).isFalse();
        assertThat(file).as("nothing is appended before publish").doesNotExist();
        assertThat(trail.publish(receipt)).isEqualTo("LiteLLM_AuditLog does not exist in this database: "
                + "2 audit records appended to " + file + ".");
        trail.publish(database.write(em -> trail.record(em, twoChanges().subList(1, 2))));

        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertThat(lines).hasSize(3);
        JsonNode first = json.readTree(lines.get(0));
        assertThat(first.get("id").asText()).isEqualTo(receipt.records().get(0).id());
        assertThat(first.get("updated_at").asText()).isEqualTo("2026-11-26T12:00:00.123");
        assertThat(first.get("changed_by").asText()).isEqualTo("nemo-console:alice@ws1 (db role postgres)");
        assertThat(first.get("action").asText()).isEqualTo("updated");
        assertThat(first.get("table_name").asText()).isEqualTo("LiteLLM_TeamTable");
        assertThat(first.get("object_id").asText()).isEqualTo(FLEET_OPS_TEAM);
        assertThat(first.get("before_value").get("members_with_roles")).isEqualTo(json.readTree("[]"));
        assertThat(first.get("updated_values").get("members_with_roles").get(0).get("user_id").asText()).isEqualTo("u1");
        assertThat(json.readTree(lines.get(1)).get("before_value").isNull()).isTrue();

        assertThat(history(ACME, 50)).hasSize(2)
                .allMatch(record -> record.objectId().equals(MEMBERSHIP));
        assertThat(history("u1", 50)).extracting(AuditRecord::objectId).containsExactly(FLEET_OPS_TEAM);
    }

    @Test
    void refusesAValueThatIsNotJson() {
        assertThatThrownBy(() -> database.write(em -> trail.record(em,
                List.of(AuditEntry.created("LiteLLM_TeamTable", FLEET_OPS_TEAM, "{not json")))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("updated_values is not JSON");
        assertThatThrownBy(() -> AuditEntry.updated("LiteLLM_TeamTable", FLEET_OPS_TEAM, "[]", "[]"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("before_value must be a JSON object (as LiteLLM writes it), not array");
        assertThatThrownBy(() -> new AuditEntry("blocked", "LiteLLM_TeamTable", "x", null, null))
                .isInstanceOf(IllegalArgumentException.class);
        // The whole text is one object: a cut-off roster or a second value is refused, not half-recorded.
        assertThatThrownBy(() -> AuditEntry.created("LiteLLM_TeamTable", FLEET_OPS_TEAM, "{\"members_with_roles\": [{\"user_id\": \"a\""))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("updated_values is not JSON");
        assertThatThrownBy(() -> AuditEntry.created("LiteLLM_TeamTable", FLEET_OPS_TEAM, "{\"a\": 1} {\"b\": 2}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("updated_values is not JSON: more than one value");
        assertThatThrownBy(() -> AuditEntry.deleted("LiteLLM_TeamTable", FLEET_OPS_TEAM, "\"text\""))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("before_value must be a JSON object (as LiteLLM writes it), not string");
        assertThat(AuditEntry.deleted("LiteLLM_TeamTable", FLEET_OPS_TEAM, " {\"a\": [1, {\"b\": null}]} ").beforeValue())
                .isEqualTo(" {\"a\": [1, {\"b\": null}]} ");
    }

    private List<String> changedBy() {
        List<?> rows = database.read(em -> em.createNativeQuery(
                "select distinct changed_by from \"LiteLLM_AuditLog\" where changed_by like '%nemo-console:%'").getResultList());
        return rows.stream().map(String.class::cast).toList();
    }

    private List<AuditRecord> history(String objectId, int limit) {
        return database.read(em -> new AuditHistory(trail.localFile()).find(em, objectId, limit));
    }

    private List<List<String>> query(String sql) throws Exception {
        List<List<String>> rows = new ArrayList<>();
        try (Connection connection = TestDatabases.dataSource(name).getConnection();
             Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
            int columns = result.getMetaData().getColumnCount();
            while (result.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= columns; i++) {
                    row.add(result.getString(i));
                }
                rows.add(row);
            }
        }
        return rows;
    }
}
