package com.nemorouter.console.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Collectors;

import com.nemorouter.console.ui.SqlText.Kind;
import com.nemorouter.console.ui.SqlText.Run;

import org.junit.jupiter.api.Test;

class SqlTextTest {

    private static final String REPAIR = """
            -- Create LiteLLM organization 0b5e55ed ('It''s Ghostwire')
            begin;
            insert into public."LiteLLM_OrganizationTable" (organization_id, organization_alias)
            values ('0b5e55ed-0000-4000-8000-0000000000b1', 'It''s -- not a comment') on conflict do nothing;
            /* block
               comment */ update nemo.teams set select_count = 1 where id = 'x';
            commit;
            """;

    @Test
    void runsJoinBackToExactlyTheInput() {
        assertThat(SqlText.runs(REPAIR).stream().map(Run::text).collect(Collectors.joining())).isEqualTo(REPAIR);
        assertThat(SqlText.runs("")).isEmpty();
        assertThat(SqlText.runs(null)).isEmpty();
    }

    @Test
    void keywordsStringsCommentsAndQuotedIdentifiersAreTold() {
        List<Run> runs = SqlText.runs(REPAIR);
        assertThat(runs).contains(new Run("-- Create LiteLLM organization 0b5e55ed ('It''s Ghostwire')", Kind.COMMENT),
                new Run("insert", Kind.KEYWORD), new Run("into", Kind.KEYWORD), new Run("on", Kind.KEYWORD),
                new Run("\"LiteLLM_OrganizationTable\"", Kind.IDENTIFIER),
                new Run("'It''s -- not a comment'", Kind.STRING),
                new Run("'0b5e55ed-0000-4000-8000-0000000000b1'", Kind.STRING),
                new Run("/* block\n   comment */", Kind.COMMENT), new Run("commit", Kind.KEYWORD));
        // Column names that contain or equal keywords after a dot stay plain, as do ordinary names.
        assertThat(runs).noneMatch(run -> run.kind() == Kind.KEYWORD
                && (run.text().equals("select_count") || run.text().equals("teams") || run.text().equals("organization_id")));
        assertThat(runs.stream().filter(run -> run.kind() == Kind.KEYWORD).map(Run::text))
                .doesNotContain("public", "nemo");
    }

    @Test
    void anUnterminatedStringRunsToTheEnd() {
        assertThat(SqlText.runs("select 'oops")).containsExactly(new Run("select", Kind.KEYWORD),
                new Run(" ", Kind.PLAIN), new Run("'oops", Kind.STRING));
    }
}
