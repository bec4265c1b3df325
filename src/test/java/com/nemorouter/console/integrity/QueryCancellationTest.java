package com.nemorouter.console.integrity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import com.nemorouter.console.connection.Database;
import com.nemorouter.console.testing.TestDatabases;

import org.junit.jupiter.api.Test;

/** Cancel stops a statement that is running on the server, not only the wait for it. */
class QueryCancellationTest {

    @Test
    void cancelStopsTheRunningStatementOnTheServer() throws Exception {
        Database database = TestDatabases.seeded();
        AuditService service = new AuditService(database);
        QueryCancellation cancellation = new QueryCancellation();
        long started = System.nanoTime();
        CompletableFuture<Object> slow = CompletableFuture.supplyAsync(() -> database.read(em -> {
            cancellation.attach(em);
            try {
                return em.createNativeQuery("select pg_sleep(60)").getSingleResult();
            } catch (RuntimeException e) {
                throw cancellation.translate(e);
            } finally {
                cancellation.detach();
            }
        }));
        // Wait until the server is running the statement, so the test proves a server-side cancel.
        while (running(database) == 0) {
            assertThat(slow).isNotDone();
            assertThat(System.nanoTime() - started).isLessThan(TimeUnit.SECONDS.toNanos(30));
        }
        service.cancel(cancellation);
        Throwable outcome;
        try {
            slow.get(30, TimeUnit.SECONDS);
            throw new AssertionError("the statement finished instead of being cancelled");
        } catch (ExecutionException e) {
            outcome = e.getCause();
        }
        assertThat(outcome).isInstanceOf(CancellationException.class);
        assertThat(System.nanoTime() - started).isLessThan(TimeUnit.SECONDS.toNanos(30));
        assertThat(running(database)).isZero();
    }

    private static long running(Database database) {
        return database.read(em -> ((Number) em.createNativeQuery("""
                select count(*) from pg_stat_activity
                where state = 'active' and query = 'select pg_sleep(60)'""").getSingleResult()).longValue());
    }
}
