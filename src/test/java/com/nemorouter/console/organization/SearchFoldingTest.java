package com.nemorouter.console.organization;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javax.sql.DataSource;

import com.nemorouter.console.bench.DbaIndexes;
import com.nemorouter.console.connection.Database;
import com.nemorouter.console.connection.Lowered;
import com.nemorouter.console.connection.SchemaNames;
import com.nemorouter.console.presence.Ids;
import com.nemorouter.console.testing.TestDatabases;
import com.nemorouter.console.wiring.ConsoleServices;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The search's cheap lower-casing and uuid ranges find exactly what {@code lower(x) like} on the text of every
 * row finds: non-ASCII names, mixed case, LiteLLM ids in other spellings, and UUID prefixes at the ends of the
 * uuid space.
 */
class SearchFoldingTest {

    private static final String ECOLE = "00000000-0000-4000-8000-00000000e001";
    private static final String LAST = "ffffffff-ffff-4fff-bfff-ffffffffffff";

    private static DataSource sql;
    private static Database database;
    private static OrganizationService service;

    @BeforeAll
    static void seed() {
        String name = TestDatabases.copyOfSeed();
        sql = TestDatabases.dataSource(name);
        TestDatabases.execute(sql, """
                insert into nemo.organizations (organization_id, name, slug) values
                    ('%s', 'ÉCOLE Supérieure', 'ecole-superieure'),
                    ('%s', 'Zenith Last', 'ZENITH-LAST');
                insert into "LiteLLM_BudgetTable" (budget_id, created_by, updated_by)
                    values ('fold-1', 'test', 'test'), ('fold-2', 'test', 'test');
                insert into "LiteLLM_OrganizationTable" (organization_id, organization_alias, budget_id, created_by, updated_by)
                    values ('ABCDEF01-2345-4678-9ABC-DEF012345678', 'STRASSE Grüße', 'fold-1', 'test', 'test'),
                           ('0FEDCBA9876543218FEDCBA987654321', 'Ölwerk GMBH', 'fold-2', 'test', 'test');
                """.formatted(ECOLE, LAST));
        database = Database.open(TestDatabases.target(name));
        service = ConsoleServices.wire(database).organizations();
    }

    @AfterAll
    static void close() {
        database.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"école", "ÉCOLE", "supérieure", "grüße", "GRÜSSE", "strasse", "ölwerk", "ÖLWERK", "gmbh",
            "zenith", "ZENITH-last", "a", "e", "ö", "acme"})
    void textMatchesWhatLowerLikeMatches(String text) {
        List<String> expected = naiveMatches(text);
        assertThat(ids(text)).as(text).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(service.count(text)).as(text).isEqualTo(expected.size());
    }

    @Test
    void nonAsciiNamesAreFoundInAnyCase() {
        assertThat(ids("école")).containsExactly(ECOLE);
        assertThat(ids("ÉCOLE SUP")).containsExactly(ECOLE);
        assertThat(ids("ölwerk")).containsExactly("0FEDCBA9876543218FEDCBA987654321");
        // German ß has no one-letter upper case: "GRÜSSE" is another word, as it is to lower().
        assertThat(ids("grüße")).containsExactly("ABCDEF01-2345-4678-9ABC-DEF012345678");
        assertThat(ids("GRÜSSE")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"f", "ffff", "FFFFFFFF-F", "ffffffffffff4fffbfffffffffffffff", "0", "00000000-0000-4",
            "abcdef01", "ABCDEF0123454678", "0fedcba9", "{0FEDCBA9-8765", "550e840", "550e8400-e29b-41d4-a716-44665544000"})
    void uuidPrefixesMatchWhatTheHexTextMatches(String text) {
        List<String> expected = naiveMatches(text);
        assertThat(expected).as(text).isNotEmpty();
        assertThat(ids(text)).as(text).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(service.count(text)).as(text).isEqualTo(expected.size());
    }

    @Test
    void uuidRangeSpansExactlyThePrefix() {
        Ids.UuidRange range = Ids.uuidRange("550e84");
        assertThat(range.lowest()).hasToString("550e8400-0000-0000-0000-000000000000");
        assertThat(range.highest()).hasToString("550e84ff-ffff-ffff-ffff-ffffffffffff");
        assertThat(Ids.uuidRange("abc").lowest()).hasToString("abc00000-0000-0000-0000-000000000000");
        assertThat(Ids.uuidRange("abc").highest()).hasToString("abcfffff-ffff-ffff-ffff-ffffffffffff");
        assertThat(Ids.uuidRange(LAST.replace("-", "")).lowest()).hasToString(LAST);
        assertThat(Ids.uuidRange(LAST.replace("-", "")).highest()).hasToString(LAST);
    }

    @Test
    void theDbaTrigramIndexesServeTheSearchesExpressions() throws SQLException {
        List<String> trigramIndexes = DbaIndexes.INDEXES.stream().filter(sql -> sql.contains("gin_trgm_ops")).toList();
        TestDatabases.execute(sql, DbaIndexes.EXTENSION);
        trigramIndexes.forEach(index -> TestDatabases.execute(sql, index));
        try (Connection connection = sql.getConnection(); var statement = connection.createStatement()) {
            // The seed is tiny: with every other path off, only an index whose expression is the query's can serve it.
            statement.execute("set enable_seqscan = off; set enable_indexscan = off; set enable_indexonlyscan = off");
            for (String[] search : List.of(new String[] {"{nemo}.organizations n", "n.name", "organizations_name_trgm_idx"},
                    new String[] {"{nemo}.organizations n", "n.slug", "organizations_slug_trgm_idx"},
                    new String[] {"{litellm}.\"LiteLLM_OrganizationTable\" l", "l.organization_alias",
                            "LiteLLM_OrganizationTable_alias_trgm_idx"})) {
                StringBuilder plan = new StringBuilder();
                try (ResultSet rows = statement.executeQuery(SchemaNames.DEFAULT.resolve("explain select 1 from "
                        + search[0] + " where " + Lowered.of(search[1]) + " like '%blue%'"))) {
                    while (rows.next()) {
                        plan.append(rows.getString(1)).append('\n');
                    }
                }
                assertThat(plan.toString()).as(search[1]).contains("Bitmap Index Scan on").contains(search[2]);
            }
        } finally {
            TestDatabases.execute(sql, "drop index nemo.organizations_name_trgm_idx, nemo.organizations_slug_trgm_idx, "
                    + "public.\"LiteLLM_OrganizationTable_alias_trgm_idx\"");
        }
    }

    private static List<String> ids(String text) {
        return service.search(text, null, 500).rows().stream().map(OrganizationRow::id).toList();
    }

    /** The merged rows filtered the slow, obvious way: lower() of every value, hex digits of every id as text. */
    private static List<String> naiveMatches(String text) {
        String trimmed = text.strip().toLowerCase(Locale.ROOT);
        String hex = Ids.uuidPrefix(trimmed);
        try (Connection connection = sql.getConnection(); PreparedStatement statement = connection.prepareStatement("""
                select coalesce(n.organization_id::text, l.organization_id)
                from nemo.organizations n
                full join "LiteLLM_OrganizationTable" l on l.organization_id = n.organization_id::text
                where strpos(lower(n.name), ?) > 0 or strpos(lower(n.slug), ?) > 0
                   or strpos(lower(l.organization_alias), ?) > 0
                   or (? <> '' and (starts_with(replace(n.organization_id::text, '-', ''), ?)
                                    or starts_with(replace(lower(l.organization_id), '-', ''), ?)))
                """)) {
            for (int i = 1; i <= 3; i++) {
                statement.setString(i, trimmed);
            }
            for (int i = 4; i <= 6; i++) {
                statement.setString(i, hex);
            }
            List<String> ids = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getString(1));
                }
            }
            return ids;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
