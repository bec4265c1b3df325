package com.nemorouter.console.organization;

import static com.nemorouter.console.testing.Seed.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.Supplier;

import com.nemorouter.console.connection.Database;
import com.nemorouter.console.testing.TestDatabases;
import com.nemorouter.console.wiring.ConsoleServices;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The window's first screen does not wait for Hibernate: every list read is one plain-JDBC statement, and the
 * list can be paged, searched and counted on a connection whose Hibernate never started.
 */
class OrganizationListWithoutHibernateTest {

    private static Database database;
    private static OrganizationService service;

    @BeforeAll
    static void open() {
        database = Database.open(TestDatabases.target(TestDatabases.copyOfSeed()));
        service = ConsoleServices.wire(database).organizations();
    }

    @AfterAll
    static void close() {
        database.close();
    }

    @Test
    void listReadsAreOneStatementEachAndNeverStartHibernate() {
        OrganizationService.CountedPage first = oneStatement(() -> service.firstPage("", 10));
        assertThat(first.total()).isEqualTo(ORGANIZATIONS);
        assertThat(first.page().rows()).hasSize(10);
        OrganizationPage second = oneStatement(() -> service.search("", first.page().next(), 10));
        assertThat(second.rows().get(0).sortKey()).isGreaterThanOrEqualTo(first.page().rows().get(9).sortKey());
        assertThat(oneStatement(() -> service.count("acme"))).isEqualTo(1);
        OrganizationService.CountedPage acme = oneStatement(() -> service.firstPage("ACME", 10));
        assertThat(acme.page().rows()).extracting(OrganizationRow::id).containsExactly(ACME);
        assertThat(oneStatement(() -> service.memberCounts(List.of(ACME, CEDAR_POINT))))
                .containsEntry(ACME, (long) ACME_MEMBERS);
        assertThat(database.hibernateStarted()).isFalse();
    }

    private static <T> T oneStatement(Supplier<T> read) {
        long before = database.jdbcStatementCount();
        T result = read.get();
        assertThat(database.jdbcStatementCount() - before).isEqualTo(1);
        return result;
    }
}
