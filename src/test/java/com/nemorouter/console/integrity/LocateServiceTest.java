package com.nemorouter.console.integrity;

import static com.nemorouter.console.testing.Seed.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.nemorouter.console.presence.PresenceEntry;
import com.nemorouter.console.presence.PresenceQuery;
import com.nemorouter.console.testing.TestDatabases;

import org.junit.jupiter.api.Test;

class LocateServiceTest {

    private final LocateService locate = new LocateService(TestDatabases.seeded(),
            new PresenceQuery(PresenceQuery.DEFAULT_UNINDEXED_SCAN_LIMIT));

    @Test
    void findsAnOrganizationIdInEveryTableItIsIn() {
        LocateResult result = locate.locate(ACME, Set.of());
        assertThat(result.kind()).isEqualTo(LocateResult.Kind.UUID);
        Map<String, Long> rows = rowsByColumn(result);
        assertThat(rows).containsEntry("nemo.organizations.organization_id", 1L)
                .containsEntry("nemo.credit_balances.organization_id", 1L)
                .containsEntry("public.LiteLLM_OrganizationTable.organization_id", 1L)
                .containsEntry("public.LiteLLM_TeamTable.organization_id", (long) ACME_TEAMS)
                .containsEntry("public.LiteLLM_OrganizationMembership.organization_id", (long) ACME_MEMBERS)
                .containsEntry("public.LiteLLM_AuditLog.object_id", 1L)
                .containsKeys("nemo.teams.organization_id", "nemo.agent_sessions.organization_id",
                        "nemo.tool_call_log.organization_id", "public.LiteLLM_VerificationToken.organization_id",
                        "public.LiteLLM_SpendLogs.organization_id");
        assertThat(result.found()).filteredOn(place -> place.table().equals("LiteLLM_TeamTable"))
                .extracting(PresenceEntry::role).containsExactly("organization");
        assertThat(result.found()).filteredOn(place -> place.table().equals("LiteLLM_AuditLog"))
                .extracting(PresenceEntry::role).containsExactly("other");
        assertThat(result.skipped()).isEmpty();
        assertThat(result.entities()).containsExactly(new LocatedEntity("organization", ACME, "Acme Robotics", ACME));
    }

    @Test
    void locatingCostsTwoStatementsWhateverTheNumberOfTables() {
        locate.locate(ACME, Set.of());
        TestDatabases.seeded().statistics().clear();
        LocateResult result = locate.locate(GHOSTWIRE_NEMO_ONLY, Set.of());
        // one union of counts over every column, the entities (cancelling needs no process id any more)
        assertThat(TestDatabases.seeded().statistics().getPrepareStatementCount()).isEqualTo(2);
        assertThat(result.places()).hasSizeGreaterThan(20);
    }

    @Test
    void acceptsAnySpellingOfTheUuid() {
        Map<String, Long> canonical = rowsByColumn(locate.locate(ACME, Set.of()));
        for (String spelling : new String[] {ACME.toUpperCase(Locale.ROOT), "{" + ACME + "}", ACME.replace("-", ""),
                " " + ACME.toUpperCase(Locale.ROOT).replace("-", "") + " "}) {
            LocateResult result = locate.locate(spelling, Set.of());
            assertThat(result.searchedAs()).isEqualTo(ACME);
            assertThat(rowsByColumn(result)).as(spelling).isEqualTo(canonical);
        }
    }

    @Test
    void reportsALargeUnindexedTableAsNotSearchedUntilAskedToScanIt() {
        LocateService small = new LocateService(TestDatabases.seeded(), new PresenceQuery(100));
        LocateResult result = small.locate(ACME, Set.of());
        assertThat(result.skipped()).extracting(place -> place.qualifiedTable() + "." + place.column())
                .contains("public.LiteLLM_SpendLogs.organization_id",
                        "public.LiteLLM_OrganizationMembership.organization_id")
                .doesNotContain("public.LiteLLM_TeamTable.organization_id", "nemo.organizations.organization_id");
        PresenceEntry spendLogs = result.skipped().stream()
                .filter(place -> place.table().equals("LiteLLM_SpendLogs")).findFirst().orElseThrow();
        assertThat(spendLogs.describeCount()).isEqualTo("not searched (no index, ~600 rows)");

        LocateResult scanned = small.locate(ACME, Set.of("public.LiteLLM_SpendLogs.organization_id"));
        assertThat(scanned.skipped()).noneMatch(place -> place.table().equals("LiteLLM_SpendLogs")
                && place.column().equals("organization_id"));
        assertThat(rowsByColumn(scanned)).containsKey("public.LiteLLM_SpendLogs.organization_id");
    }

    @Test
    void findsAUserStoredInUpperCaseOnTheLiteLlmSide() {
        LocateResult result = locate.locate(UMA_AUTH_ID, Set.of());
        assertThat(rowsByColumn(result)).containsEntry("auth.users.id", 1L)
                .containsEntry("public.LiteLLM_UserTable.user_id", 1L)
                .containsEntry("public.LiteLLM_OrganizationMembership.user_id", 1L);
        assertThat(result.entities()).extracting(LocatedEntity::id).containsExactly(UMA_AUTH_ID, UMA_UPPERCASE_LITELLM_ID);
        // Only the uppercase LiteLLM id joins its (uppercase) membership: the drift, seen from locate.
        assertThat(result.entities()).extracting(LocatedEntity::organizationId).containsExactly(null, CEDAR_POINT);
    }

    @Test
    void searchesTextAsALiteLlmUserIdOrEmail() {
        LocateResult admin = locate.locate("default_user_id", Set.of());
        assertThat(admin.kind()).isEqualTo(LocateResult.Kind.TEXT);
        assertThat(rowsByColumn(admin)).containsEntry("public.LiteLLM_UserTable.user_id", 1L);
        assertThat(admin.entities()).extracting(LocatedEntity::type, LocatedEntity::id)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("user", "default_user_id"));

        LocateResult email = locate.locate("Rogue.Member@outside.example", Set.of());
        assertThat(rowsByColumn(email)).containsEntry("auth.users.email", 1L)
                .containsEntry("public.LiteLLM_UserTable.user_email", 1L);
        assertThat(email.entities()).extracting(LocatedEntity::id).containsExactly(ROGUE_MEMBER_NOT_IN_ORG);
    }

    @Test
    void findsAKeyByItsHash() {
        LocateResult result = locate.locate(KeyService.tokenHash(DEMO_KEY_WITH_ORG).toUpperCase(Locale.ROOT), Set.of());
        assertThat(result.kind()).isEqualTo(LocateResult.Kind.KEY_HASH);
        assertThat(result.found()).extracting(PresenceEntry::table, PresenceEntry::role)
                .contains(org.assertj.core.groups.Tuple.tuple("LiteLLM_VerificationToken", "key"));
    }

    @Test
    void rejectsTextThatCannotBeAnIdWithWhatAValidOneLooksLike() {
        assertThatThrownBy(() -> locate.locate("550e8400-e29b-41d4", Set.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a valid UUID").hasMessageContaining("550e8400-e29b-41d4-a716-446655440000");
        assertThatThrownBy(() -> LocateService.validate("  ")).hasMessageContaining("Enter an id");
        assertThatThrownBy(() -> LocateService.validate("two words")).hasMessageContaining("is not an id");
    }

    @Test
    void findsArraysUserReferencesAuthUserIdsAndCompositeAuditIds() {
        String name = TestDatabases.copyOfSeed();
        String user = ROGUE_MEMBER_NOT_IN_ORG;
        // Tables of the full LiteLLM 0.4.64 and Supabase Auth schemas that the demo schema leaves out.
        TestDatabases.execute(TestDatabases.dataSource(name), """
                create table "LiteLLM_AccessGroupTable" (access_group_id text primary key, assigned_team_ids text[]);
                insert into "LiteLLM_AccessGroupTable" values ('ag-1', array['%1$s']);
                create table "LiteLLM_InvitationLink" (id text primary key, user_id text not null, is_accepted boolean,
                    created_by text not null references "LiteLLM_UserTable"(user_id) on delete restrict,
                    accepted_by text references "LiteLLM_UserTable"(user_id));
                insert into "LiteLLM_InvitationLink" values ('inv-1', 'default_user_id', true, '%2$s', '%2$s');
                create table auth.identities (id uuid primary key, user_id uuid not null references auth.users(id),
                    provider text not null);
                create index identities_user_id_idx on auth.identities (user_id);
                insert into auth.identities values (gen_random_uuid(), '%2$s', 'email');
                insert into "LiteLLM_AuditLog" (id, changed_by, action, table_name, object_id)
                values ('a-1', 'nemo-console:test', 'deleted', 'LiteLLM_TeamMembership', '%1$s/%2$s');
                """.formatted(ACME_PLATFORM_TEAM, user));

        try (com.nemorouter.console.connection.Database database = com.nemorouter.console.connection.Database.open(
                TestDatabases.target(name))) {
            LocateService own = new LocateService(database, new PresenceQuery(PresenceQuery.DEFAULT_UNINDEXED_SCAN_LIMIT));

            LocateResult team = own.locate(ACME_PLATFORM_TEAM, Set.of());
            assertThat(rowsByColumn(team)).containsEntry("public.LiteLLM_AccessGroupTable.assigned_team_ids", 1L);
            assertThat(team.found()).filteredOn(place -> place.column().equals("assigned_team_ids"))
                    .extracting(PresenceEntry::role).containsExactly("team");

            LocateResult located = own.locate(user, Set.of());
            assertThat(rowsByColumn(located)).containsEntry("public.LiteLLM_InvitationLink.created_by", 1L)
                    .as("a user column found by its foreign key alone")
                    .containsEntry("public.LiteLLM_InvitationLink.accepted_by", 1L)
                    .containsEntry("auth.identities.user_id", 1L)
                    .as("the composite id <team>/<user> of a console audit row")
                    .containsEntry("public.LiteLLM_AuditLog.object_id", 1L);
            assertThat(located.found()).filteredOn(place -> place.table().equals("LiteLLM_InvitationLink"))
                    .extracting(PresenceEntry::role).containsOnly("user");
        }
    }

    private static Map<String, Long> rowsByColumn(LocateResult result) {
        return result.found().stream().collect(Collectors.toMap(
                place -> place.qualifiedTable() + "." + place.column(), PresenceEntry::rows));
    }
}
