package com.nemorouter.console.persistence.litellm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.nemorouter.console.testing.TestDatabases;

import org.hibernate.Session;
import org.junit.jupiter.api.Test;

/** The roster rule as PostgreSQL evaluates it: an array is itself, anything else counts as []. */
class RostersTest {

    /** A team row per roster shape LiteLLM leaves behind: an array, the column default {}, JSON null, SQL null. */
    private static final String TEAMS = """
            (values ('array', cast('[{"user_id": "u1"}, {"user_id": "u2"}]' as jsonb)),
                    ('object', cast('{}' as jsonb)),
                    ('json null', cast('null' as jsonb)),
                    ('sql null', cast(null as jsonb))) t(name, members_with_roles)""";

    record Roster(String name, String members, Integer size, Boolean includesU2) {
    }

    @Test
    void aNonArrayRosterCountsAsEmptyAndTheArrayOneIsItself() {
        List<Roster> rosters = TestDatabases.seeded().read(em -> em.unwrap(Session.class).createNativeQuery(
                "select t.name, cast(%s as text), %s, %s from %s order by t.name".formatted(Rosters.members("t"),
                        Rosters.size("t"), Rosters.includes("t", "cast('u2' as text)"), TEAMS), Roster.class)
                .getResultList());

        assertThat(rosters).containsExactly(
                new Roster("array", "[{\"user_id\": \"u1\"}, {\"user_id\": \"u2\"}]", 2, true),
                new Roster("json null", "[]", 0, false),
                new Roster("object", "[]", 0, false),
                new Roster("sql null", "[]", 0, null));
    }

    @Test
    void everyRosterCanBeExpanded() {
        List<String> users = TestDatabases.seeded().read(em -> em.unwrap(Session.class).createNativeQuery(
                "select e.member ->> 'user_id' from %s cross join lateral jsonb_array_elements(%s) e(member) order by 1"
                        .formatted(TEAMS, Rosters.members("t")), String.class)
                .getResultList());

        assertThat(users).containsExactly("u1", "u2");
    }
}
