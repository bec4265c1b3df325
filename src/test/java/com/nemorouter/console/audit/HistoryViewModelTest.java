package com.nemorouter.console.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;

import com.nemorouter.console.ui.SameThreadTaskRunner;

import org.junit.jupiter.api.Test;

/** The History detail pane: the selected record in words, with the diff of what changed. */
class HistoryViewModelTest {

    private static final LocalDateTime NOW = LocalDateTime.of(2026, 12, 2, 20, 0, 0);

    @Test
    void theSelectedChangeReadsAsWhenWhoWhatAndTheChangedKeys() {
        HistoryViewModel history = new HistoryViewModel(null, new SameThreadTaskRunner(), () -> NOW);
        AuditRecord roleChange = new AuditRecord("a1", NOW.minusMinutes(5), "nemo-console:ana", "updated",
                "LiteLLM_OrganizationMembership", "org-1/user-1",
                "{\"user_id\": \"user-1\", \"user_role\": \"internal_user\"}",
                "{\"user_id\": \"user-1\", \"user_role\": \"org_admin\"}");
        assertThat(history.detailProperty().get()).isEmpty();
        history.selectedProperty().set(roleChange);
        assertThat(history.detailProperty().get()).isEqualTo("""
                Updated organization membership
                When:   5 min ago · 2026-12-02 19:55:00 UTC
                Who:    nemo-console:ana
                Object: org-1/user-1  (LiteLLM_OrganizationMembership)

                Changed (- before, + after, ~ before → after):
                ~ user_role: internal_user → org_admin""");
        history.selectedProperty().set(null);
        assertThat(history.detailProperty().get()).isEmpty();
    }

    @Test
    void aLiteLlmShapedUpdateShowsOnlyTheChangedKeysAndADeleteTheOldRow() {
        assertThat(HistoryText.diff("{\"team_id\": \"t1\", \"spend\": 3, \"blocked\": false}", "{\"blocked\": true}"))
                .containsExactly("~ blocked: false → true");
        assertThat(HistoryText.diff("{\"team_id\": \"t1\"}", "{}")).containsExactly("- team_id: t1");
    }
}
