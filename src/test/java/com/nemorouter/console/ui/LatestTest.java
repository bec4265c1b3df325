package com.nemorouter.console.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import com.nemorouter.console.request.Request;
import com.nemorouter.console.testing.ManualTaskRunner;

import org.junit.jupiter.api.Test;

/** "The latest request wins", with answers arriving in any order. */
class LatestTest {

    @Test
    void aUsersCancelDeliversTheCancellationAndStopsFollowUps() {
        ManualTaskRunner manual = new ManualTaskRunner();
        Latest latest = new Latest(manual);
        List<String> delivered = new ArrayList<>();
        latest.run("superseded", () -> "a", delivered::add, failure -> delivered.add("a failed"));
        Request current = latest.run("current", () -> "b", delivered::add, failure -> delivered.add("b failed"));
        assertThat(manual.request(0).isCancelled()).isTrue();
        assertThat(current.isCancelled()).isFalse();

        latest.cancel();
        manual.finishAll();
        latest.follow("follow-up", () -> "c", delivered::add, failure -> delivered.add("c " + failure.getClass().getSimpleName()));

        assertThat(delivered).containsExactly("b failed", "c CancellationException");
        assertThat(manual.pendingCount()).isZero();
    }

    @Test
    void aDiscardedRequestIsCancelledAndAFollowUpJoinsTheCurrentOne() {
        ManualTaskRunner manual = new ManualTaskRunner();
        Latest latest = new Latest(manual);
        List<String> delivered = new ArrayList<>();
        latest.run("search", () -> "rows", delivered::add, failure -> delivered.add("search failed"));
        latest.follow("count", () -> "counts", delivered::add, failure -> delivered.add("count failed"));
        manual.finish(1);
        manual.finish(0);
        latest.run("next search", () -> "next rows", delivered::add, failure -> delivered.add("next failed"));
        latest.discard();

        assertThat(manual.request(0).isCancelled()).isTrue();
        manual.finishAll();
        assertThat(delivered).containsExactly("counts", "rows");
    }
}
