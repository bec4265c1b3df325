package com.nemorouter.console.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;

import org.junit.jupiter.api.Test;

class HistoryViewModelTest {

    private static AuditRecord record(String action, String before, String updated) {
        return new AuditRecord("id", LocalDateTime.parse("2026-12-02T21:00:00"), "nemo-console:a@b", action,
                "LiteLLM_TeamTable", "t1", before, updated);
    }

    @Test
    void showsTheChangedKeysOfAnUpdateNotTheWholeRowBefore() {
        assertThat(HistoryViewModel.change(record("updated", "{\"team_id\": \"t1\", \"spend\": 3}", "{\"blocked\": true}")))
                .isEqualTo("{\"blocked\": true}");
        assertThat(HistoryViewModel.change(record("deleted", "{\"team_id\": \"t1\"}", "{}"))).isEqualTo("(deleted)");
        assertThat(HistoryViewModel.change(record("updated", "[]", "[{\"user_id\": \"u\"}]")))
                .as("an older console row with bare arrays").isEqualTo("[]  →  [{\"user_id\": \"u\"}]");
    }

    @Test
    void cutsALongChangeForTheTableCell() {
        String change = HistoryViewModel.change(record("created", null, "{\"k\": \"" + "x".repeat(1000) + "\"}"));
        assertThat(change).hasSize(HistoryViewModel.CHANGE_LENGTH).endsWith("…");
    }
}
