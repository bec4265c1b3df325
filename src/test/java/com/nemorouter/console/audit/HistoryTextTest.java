package com.nemorouter.console.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;

import org.junit.jupiter.api.Test;

class HistoryTextTest {

    private static final LocalDateTime NOW = LocalDateTime.of(2026, 12, 2, 20, 0, 0);

    @Test
    void timesReadRelativeAndAbsolute() {
        assertThat(HistoryText.relative(NOW.minusSeconds(20), NOW)).isEqualTo("just now");
        assertThat(HistoryText.relative(NOW.minusMinutes(5), NOW)).isEqualTo("5 min ago");
        assertThat(HistoryText.relative(NOW.minusHours(3), NOW)).isEqualTo("3 h ago");
        assertThat(HistoryText.relative(NOW.minusHours(30), NOW)).isEqualTo("yesterday");
        assertThat(HistoryText.relative(NOW.minusDays(12), NOW)).isEqualTo("12 days ago");
        assertThat(HistoryText.relative(NOW.minusDays(200), NOW)).isEqualTo("6 months ago");
        assertThat(HistoryText.relative(NOW.plusMinutes(1), NOW)).as("a clock a little ahead").isEqualTo("just now");
        assertThat(HistoryText.when(NOW.minusHours(3), NOW)).isEqualTo("3 h ago · 2026-12-02 17:00:00 UTC");
    }

    @Test
    void anUpdateShowsOnlyTheKeysThatChanged() {
        assertThat(HistoryText.diff("""
                {"user_id": "u1", "organization_id": "o1", "user_role": "internal_user", "spend": 0}""", """
                {"user_id": "u1", "organization_id": "o1", "user_role": "org_admin", "spend": 0, "budget_id": "b"}"""))
                .containsExactly("~ user_role: internal_user → org_admin", "+ budget_id: b");
    }

    @Test
    void aRosterChangeListsTheMembersAddedAndRemoved() {
        assertThat(HistoryText.diff("""
                [{"user_id": "ana", "role": "admin"}, {"user_id": "ben", "role": "user"}]""", """
                [{"user_id": "ana", "role": "admin"}, {"user_id": "cy", "role": "user"}]"""))
                .containsExactly("- ben role=user", "+ cy role=user");
        assertThat(HistoryText.diff("""
                {"user_id": "ben", "teams": ["t1", "t2"]}""", """
                {"user_id": "ben", "teams": ["t1"]}"""))
                .containsExactly("- teams: t2");
    }

    @Test
    void aCreationOrDeletionShowsTheWholeRowOnItsSide() {
        assertThat(HistoryText.diff(null, "{\"user_id\": \"u1\", \"team_id\": \"t1\"}"))
                .containsExactly("+ user_id: u1", "+ team_id: t1");
        assertThat(HistoryText.diff("{\"token\": \"abc\"}", null)).containsExactly("- token: abc");
        assertThat(HistoryText.diff("not json", "{}")).containsExactly("- not json", "+ {}");
    }

    @Test
    void whatAndWhoReadAsWords() {
        AuditRecord record = new AuditRecord("1", NOW, "nemo-console:ana", "deleted", "LiteLLM_TeamMembership",
                "t/u", "{}", null);
        assertThat(HistoryText.what(record)).isEqualTo("Deleted team membership");
        assertThat(HistoryText.who(record)).isEqualTo("nemo-console:ana");
    }
}
