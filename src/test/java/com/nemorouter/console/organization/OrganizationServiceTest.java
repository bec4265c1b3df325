package com.nemorouter.console.organization;

import static com.nemorouter.console.testing.Seed.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import com.nemorouter.console.wiring.ConsoleServices;
import com.nemorouter.console.connection.Database;
import com.nemorouter.console.member.MemberQueries;
import com.nemorouter.console.presence.IdKind;
import com.nemorouter.console.presence.Presence;
import com.nemorouter.console.presence.PresenceEntry;
import com.nemorouter.console.presence.PresenceQuery;
import com.nemorouter.console.presence.PresenceReport;
import com.nemorouter.console.team.TeamQueries;
import com.nemorouter.console.team.TeamRow;
import com.nemorouter.console.testing.SchemaVariant;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The list, detail and presence over every {@link SchemaVariant}: LiteLLM 0.4.64 and newest, default and renamed schemas. */
@ParameterizedClass
@EnumSource(SchemaVariant.class)
class OrganizationServiceTest {

    /** One read-only seed copy per variant, shared by this class's tests. */
    private static final Map<SchemaVariant, Database> DATABASES = new EnumMap<>(SchemaVariant.class);

    @Parameter
    SchemaVariant variant;

    private Database database;
    private OrganizationService service;

    @BeforeEach
    void connect() {
        database = DATABASES.computeIfAbsent(variant, v -> Database.open(v.target(v.copyOfSeed())));
        service = ConsoleServices.wire(database).organizations();
    }

    @AfterAll
    static void close() {
        DATABASES.values().forEach(Database::close);
        DATABASES.clear();
    }

    @Test
    void listsEveryOrganizationOfBothSchemasOnceInNameOrder() {
        OrganizationPage page = service.search("", null, 100);
        assertThat(page.rows()).hasSize(ORGANIZATIONS);
        assertThat(page.next()).isNull();
        assertThat(page.rows().get(0).displayName()).isEqualTo("Acme Robotics");
        List<String> keys = page.rows().stream().map(OrganizationRow::sortKey).toList();
        assertThat(keys).isSorted();
        assertThat(service.count("")).isEqualTo(ORGANIZATIONS);
    }

    @Test
    void oneKeystrokeGetsThePageAndTheCountInOneStatement() {
        for (String text : List.of("", "acme", "CEDAR", "550E84", "no such organization")) {
            OrganizationService.CountedPage first = service.firstPage(text, 3);
            OrganizationPage full = service.search(text, null, 3);
            assertThat(first.page().rows()).as(text).allMatch(row -> row.memberCount() == OrganizationRow.NOT_COUNTED);
            // The member counts stream in afterwards: together they are exactly what search returns.
            var counts = service.memberCounts(first.page().rows().stream().map(OrganizationRow::id).toList());
            assertThat(first.page().rows().stream().map(row -> row.withMemberCount(counts.getOrDefault(row.id(), 0L))).toList())
                    .as(text).isEqualTo(full.rows());
            assertThat(first.page().next()).isEqualTo(full.next());
            assertThat(first.total()).as(text).isEqualTo(service.count(text));
        }
        assertThat(service.firstPage("", 3).total()).isEqualTo(ORGANIZATIONS);
        assertThat(statementsFor(() -> service.firstPage("acme", 200))).isEqualTo(1);
        assertThat(statementsFor(() -> service.memberCounts(List.of(ACME, CEDAR_POINT)))).isEqualTo(1);
        assertThat(service.memberCounts(List.of(ACME))).containsEntry(ACME, (long) ACME_MEMBERS);
    }

    @Test
    void keysetPagesCoverTheListWithoutOverlap() {
        List<String> ids = new ArrayList<>();
        OrganizationPage.Cursor cursor = null;
        int pages = 0;
        do {
            OrganizationPage page = service.search("", cursor, 10);
            page.rows().forEach(row -> ids.add(row.id()));
            cursor = page.next();
            pages++;
        } while (cursor != null && pages < 10);
        assertThat(ids).hasSize(ORGANIZATIONS).doesNotHaveDuplicates();
        assertThat(pages).isEqualTo(4);
    }

    @Test
    void rowCarriesCountsAndPresenceOfBothSides() {
        OrganizationRow acme = only(service.search("acme robotics", null, 50));
        assertThat(acme.id()).isEqualTo(ACME);
        assertThat(acme.slug()).isEqualTo("acme-robotics");
        assertThat(acme.plan()).isEqualTo("enterprise");
        assertThat(acme.liteLlmAlias()).isEqualTo("Acme Robotics");
        assertThat(acme.teamCount()).isEqualTo(ACME_TEAMS);
        assertThat(acme.memberCount()).isEqualTo(ACME_MEMBERS);
        assertThat(acme.presence()).isEqualTo(Presence.BOTH);

        assertThat(only(service.search("Ghostwire", null, 50)).presence()).isEqualTo(Presence.NEMO_ONLY);
        OrganizationRow legacy = only(service.search("legacy proxy", null, 50));
        assertThat(legacy.presence()).isEqualTo(Presence.LITELLM_ONLY);
        assertThat(legacy.name()).isNull();
        assertThat(legacy.memberCount()).isEqualTo(2);
        assertThat(legacy.teamCount()).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"550e8400", "550E8400", "550e8400-e29b", "550E8400E29B41D4", "{550e8400-e29b-41d4",
            "550e8400-e29b-41d4-a716-446655440000", "ACME-ROBO", "acme"})
    void findsAnOrganizationByUuidPrefixInAnySpellingOrBySlugOrName(String text) {
        assertThat(service.search(text, null, 50).rows()).extracting(OrganizationRow::id).containsExactly(ACME);
        assertThat(service.count(text)).isEqualTo(1);
    }

    @Test
    void likeWildcardsInSearchTextAreLiteral() {
        assertThat(service.search("%", null, 50).rows()).isEmpty();
        assertThat(service.search("_", null, 50).rows()).isEmpty();
    }

    @Test
    void opensAConsistentOrganizationWithPresenceTeamsAndMembers() {
        OrganizationDetail acme = service.open(ACME).orElseThrow();
        assertThat(acme.nemoName()).isEqualTo("Acme Robotics");
        assertThat(acme.liteLlmAlias()).isEqualTo("Acme Robotics");
        assertThat(acme.authContextOrgId()).isEqualTo(ACME);
        assertThat(acme.presence().hasMissingExpected()).isFalse();
        assertThat(acme.presence().rowsIn("nemo", "organizations")).isEqualTo(1);
        assertThat(acme.presence().rowsIn("public", "LiteLLM_OrganizationTable")).isEqualTo(1);
        assertThat(acme.presence().rowsIn("public", "LiteLLM_OrganizationMembership")).isEqualTo(ACME_MEMBERS);
        assertThat(acme.presence().rowsIn("nemo", "credit_balances")).isEqualTo(1);
        assertThat(acme.presence().rowsIn("public", "LiteLLM_VerificationToken")).isPositive();
        assertThat(acme.presence().rowsIn("public", "LiteLLM_SpendLogs")).isPositive();
        assertThat(acme.teams()).hasSize(ACME_TEAMS).allMatch(team -> team.presence() == Presence.BOTH)
                .noneMatch(TeamRow::organizationMismatch);
        assertThat(acme.teams()).extracting(TeamRow::displayName).contains("Platform");
        MemberQueries.MembersPage members = service.members(ACME);
        assertThat(members.members()).hasSize(ACME_MEMBERS);
        assertThat(members.total()).isEqualTo(ACME_MEMBERS);
        assertThat(members.members()).allMatch(member -> member.authMatch() == com.nemorouter.console.member.MemberRow.AuthMatch.EXACT);
    }

    @Test
    void nemoOnlyOrganizationShowsLiteLlmRowMissingAndNoAuthContext() {
        OrganizationDetail ghostwire = service.open(GHOSTWIRE_NEMO_ONLY).orElseThrow();
        assertThat(ghostwire.corePresence()).isEqualTo(Presence.NEMO_ONLY);
        assertThat(ghostwire.authContextOrgId()).isNull();
        assertThat(missingTables(ghostwire)).containsExactly("LiteLLM_OrganizationTable");
        assertThat(ghostwire.teams()).singleElement().satisfies(team -> {
            assertThat(team.id()).isEqualTo(GHOSTWIRE_CORE_TEAM);
            assertThat(team.presence()).isEqualTo(Presence.NEMO_ONLY);
        });
    }

    @Test
    void liteLlmOnlyOrganizationShowsNemoRowMissing() {
        OrganizationDetail legacy = service.open(LEGACY_LITELLM_ONLY).orElseThrow();
        assertThat(legacy.corePresence()).isEqualTo(Presence.LITELLM_ONLY);
        assertThat(legacy.authContextOrgId()).isEqualTo(LEGACY_LITELLM_ONLY);
        assertThat(missingTables(legacy)).containsExactly("organizations");
        assertThat(legacy.teams()).extracting(TeamRow::id, TeamRow::presence)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(LEGACY_TEAM, Presence.LITELLM_ONLY));
    }

    @Test
    void teamWhoseOrganizationDiffersIsMarkedUnderBothOrganizations() {
        TeamRow underBlueHarbor = team(service.open(BLUE_HARBOR).orElseThrow(), DATA_SCIENCE_TEAM_ORG_MISMATCH);
        TeamRow underCedar = team(service.open(CEDAR_POINT).orElseThrow(), DATA_SCIENCE_TEAM_ORG_MISMATCH);
        for (TeamRow team : List.of(underBlueHarbor, underCedar)) {
            assertThat(team.organizationMismatch()).isTrue();
            assertThat(team.nemoOrganizationId()).isEqualTo(BLUE_HARBOR);
            assertThat(team.liteLlmOrganizationId()).isEqualTo(CEDAR_POINT);
            assertThat(team.presenceText()).startsWith("✘");
        }
    }

    @Test
    void uppercaseUserIdIsShownAsNotMatchingAuth() {
        assertThat(service.members(CEDAR_POINT).members()).filteredOn(member -> member.userId().equals(UMA_UPPERCASE_LITELLM_ID))
                .singleElement()
                .satisfies(uma -> {
                    assertThat(uma.authMatch()).isEqualTo(com.nemorouter.console.member.MemberRow.AuthMatch.CASE_ONLY);
                    assertThat(uma.email()).isEqualTo("upper.case@cedarpoint.example");
                });
    }

    @Test
    void unknownOrganizationIsEmpty() {
        assertThat(service.open("00000000-0000-4000-8000-000000000000")).isEmpty();
        assertThat(service.open("not-a-uuid")).isEmpty();
    }

    @Test
    void openingAnOrganizationCostsTheSameBoundedNumberOfStatementsWhateverItsSize() {
        service.open(ACME);
        long acme = statementsFor(() -> service.open(ACME));
        long ghostwire = statementsFor(() -> service.open(GHOSTWIRE_NEMO_ONLY));
        long cedar = statementsFor(() -> service.open(CEDAR_POINT));
        // Core rows, cheap presence, teams: the member page (it was the fourth) now waits for the Members tab.
        assertThat(acme).isLessThanOrEqualTo(3);
        assertThat(ghostwire).isEqualTo(acme);
        assertThat(cedar).isEqualTo(acme);
        assertThat(statementsFor(() -> service.open(LEGACY_LITELLM_ONLY))).as("nemo lacks it: LiteLLM's row is read apart")
                .isEqualTo(acme + 1);
        assertThat(statementsFor(() -> service.members(ACME))).isEqualTo(1);
        assertThat(statementsFor(() -> service.search("", null, 200))).isEqualTo(1);
    }

    /**
     * The first read with every unindexed column left to the second (a cheap limit of 0): together the two
     * parts count exactly what one full count does, the first never scans an unindexed column, and each part
     * is one statement.
     */
    @Test
    void theCheapAndTheStreamedPresenceTogetherCountWhatTheFullCountDoes() {
        PresenceQuery split = new PresenceQuery(PresenceQuery.DEFAULT_UNINDEXED_SCAN_LIMIT, 0,
                database.target().schemas().nemo(), database.target().schemas().auth(),
                database.target().schemas().litellm(), database.schemaReport().rowSecurity());
        OrganizationService splitting = new OrganizationService(database, split, new TeamQueries(), new MemberQueries());
        for (String organization : List.of(ACME, GHOSTWIRE_NEMO_ONLY, LEGACY_LITELLM_ONLY, CEDAR_POINT)) {
            PresenceReport first = splitting.open(organization).orElseThrow().presence();
            PresenceReport rest = splitting.presenceRest(organization);
            PresenceReport full = database.read(em -> split.find(em, IdKind.ORGANIZATION, organization));
            assertThat(first.pending()).as(organization).isNotEmpty()
                    .extracting(PresenceEntry::key).contains(MEMBERSHIP_ORG_COLUMN)
                    .doesNotContain("nemo.teams.organization_id", "public.LiteLLM_TeamTable.organization_id");
            assertThat(rest.entries()).extracting(PresenceEntry::key)
                    .containsExactlyElementsOf(first.pending().stream().map(PresenceEntry::key).toList());
            assertThat(rest.isComplete()).isTrue();
            assertThat(first.withCounts(rest)).as(organization).isEqualTo(full);
        }
        // The Members tab's label may take the total from the presence count: it is the same number.
        PresenceReport acme = splitting.open(ACME).orElseThrow().presence().withCounts(splitting.presenceRest(ACME));
        assertThat(acme.rowsOf("public", "LiteLLM_OrganizationMembership", "organization_id"))
                .hasValue(splitting.members(ACME).total());
        assertThat(statementsFor(() -> splitting.open(ACME))).isLessThanOrEqualTo(3);
        assertThat(statementsFor(() -> splitting.presenceRest(ACME))).isEqualTo(1);
        // Nothing pending (the default limit on this small seed): the second read runs no statement at all.
        assertThat(service.open(ACME).orElseThrow().presence().isComplete()).isTrue();
        assertThat(statementsFor(() -> service.presenceRest(ACME))).isZero();
    }

    private static final String MEMBERSHIP_ORG_COLUMN = "public.LiteLLM_OrganizationMembership.organization_id";

    /** Statements through Hibernate and over plain JDBC (the list reads without Hibernate). */
    private long statementsFor(Runnable action) {
        long before = database.statistics().getPrepareStatementCount() + database.jdbcStatementCount();
        action.run();
        return database.statistics().getPrepareStatementCount() + database.jdbcStatementCount() - before;
    }

    private static List<String> missingTables(OrganizationDetail detail) {
        return detail.presence().entries().stream()
                .filter(entry -> entry.status() == PresenceEntry.Status.MISSING)
                .map(PresenceEntry::table).toList();
    }

    private static TeamRow team(OrganizationDetail detail, String teamId) {
        return detail.teams().stream().filter(team -> team.id().equals(teamId)).findFirst().orElseThrow();
    }

    private static OrganizationRow only(OrganizationPage page) {
        assertThat(page.rows()).hasSize(1);
        return page.rows().get(0);
    }
}
