package com.nemorouter.console.organization;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import com.nemorouter.console.wiring.ConsoleServices;
import com.nemorouter.console.connection.Database;
import com.nemorouter.console.testing.TestDatabases;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The list stays a page at a time on 100,000 organizations with 200,000 memberships: one statement a
 * page, a bounded page, and counts that scan memberships once per page, not once per row.
 */
class OrganizationListScaleTest {

    private static final Logger LOG = LoggerFactory.getLogger(OrganizationListScaleTest.class);
    private static final int EXTRA_ORGS = 100_000;

    private static Database database;
    private static OrganizationService service;

    @BeforeAll
    static void load() {
        String name = TestDatabases.copyOfSeed();
        TestDatabases.execute(TestDatabases.dataSource(name), """
                insert into nemo.organizations (organization_id, name, slug, plan)
                select md5('scale-org-' || n)::uuid, 'Scale Org ' || lpad(n::text, 6, '0'), 'scale-org-' || n, 'free'
                from generate_series(1, %1$d) n;
                insert into "LiteLLM_BudgetTable" (budget_id, created_by, updated_by)
                select 'scale-budget-' || n, 'test', 'test' from generate_series(1, %1$d) n;
                insert into "LiteLLM_OrganizationTable" (organization_id, organization_alias, budget_id, created_by, updated_by)
                select md5('scale-org-' || n)::uuid::text, 'Scale Org ' || lpad(n::text, 6, '0'), 'scale-budget-' || n, 'test', 'test'
                from generate_series(1, %1$d) n;
                insert into "LiteLLM_UserTable" (user_id, user_email, user_role)
                select md5('scale-user-' || n)::uuid::text, 'scale' || n || '@example.com', 'internal_user'
                from generate_series(1, %1$d) n;
                insert into "LiteLLM_OrganizationMembership" (user_id, organization_id, user_role)
                select md5('scale-user-' || n)::uuid::text, md5('scale-org-' || (1 + (n + k) %% %1$d))::uuid::text, 'internal_user'
                from generate_series(1, %1$d) n, generate_series(0, 1) k;
                analyze;
                """.formatted(EXTRA_ORGS));
        database = Database.open(TestDatabases.target(name));
        service = ConsoleServices.wire(database).organizations();
    }

    @AfterAll
    static void close() {
        database.close();
    }

    @Test
    void firstPageAndASearchStayFastAndBounded() {
        service.search("", null, OrganizationListViewModel.PAGE_SIZE);
        long statements = database.jdbcStatementCount();
        long started = System.nanoTime();
        OrganizationPage first = service.search("", null, OrganizationListViewModel.PAGE_SIZE);
        Duration firstPage = Duration.ofNanos(System.nanoTime() - started);
        assertThat(database.jdbcStatementCount() - statements).isEqualTo(1);
        assertThat(first.rows()).hasSize(OrganizationListViewModel.PAGE_SIZE);
        assertThat(first.next()).isNotNull();

        started = System.nanoTime();
        OrganizationPage second = service.search("", first.next(), OrganizationListViewModel.PAGE_SIZE);
        Duration secondPage = Duration.ofNanos(System.nanoTime() - started);
        assertThat(second.rows()).hasSize(OrganizationListViewModel.PAGE_SIZE);
        assertThat(second.rows().get(0).sortKey()).isGreaterThanOrEqualTo(first.rows().get(199).sortKey());

        started = System.nanoTime();
        OrganizationPage found = service.search("scale org 099999", null, OrganizationListViewModel.PAGE_SIZE);
        long total = service.count("");
        Duration search = Duration.ofNanos(System.nanoTime() - started);
        assertThat(found.rows()).singleElement().satisfies(row -> assertThat(row.memberCount()).isEqualTo(2));
        assertThat(total).isGreaterThan(EXTRA_ORGS);

        LOG.warn("100k orgs: first page {} ms, second page {} ms, search+count {} ms",
                firstPage.toMillis(), secondPage.toMillis(), search.toMillis());
        assertThat(firstPage).isLessThan(Duration.ofSeconds(5));
        assertThat(secondPage).isLessThan(Duration.ofSeconds(5));
    }
}
