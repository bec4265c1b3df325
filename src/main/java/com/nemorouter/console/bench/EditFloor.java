package com.nemorouter.console.bench;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import com.nemorouter.console.audit.AuditRows;
import com.nemorouter.console.persistence.litellm.Rosters;

/**
 * The floor of a team add's dry run: the same locks, checks and writes as the console's edit, with the same
 * audit entries (whole rows before as {@link AuditRows} reads them, changed keys after), in as few
 * statements as plain SQL allows, rolled back. Where the console's statements are general (any number of
 * users, any roster change), this knows it adds one Supabase user and which columns it sets.
 *
 * <p>Each row is {@code action, table, object id, before_value, updated_values}, the JSON as text.
 */
final class EditFloor {

    private final FloorJdbc jdbc;

    EditFloor(FloorJdbc jdbc) {
        this.jdbc = jdbc;
    }

    List<List<String>> teamAdd(Targets.EditTarget target, String role) {
        return jdbc.inOneTransaction(connection -> teamAdd(connection, target.team(), target.user(), role));
    }

    private List<List<String>> teamAdd(Connection connection, String team, String user, String role) throws SQLException {
        // The team and the Supabase user in one read; then LiteLLM's locks: the team's, then the user row.
        List<List<String>> found = jdbc.rows(connection, """
                select coalesce(t.organization_id, ''), cast(a.id as text), a.email
                from {litellm}."LiteLLM_TeamTable" t left join {auth}.users a on a.id = cast(? as uuid)
                where t.team_id = ?""", user, team);
        if (found.isEmpty() || found.get(0).get(1).equals("null")) {
            throw new IllegalStateException("the edit floor's team " + team + " or user " + user + " is gone");
        }
        String organization = found.get(0).get(0);
        String email = found.get(0).get(2);
        jdbc.rows(connection, "select 1 from (select pg_advisory_xact_lock(hashtext(?))) l", team);
        boolean inUserTable = !jdbc.rows(connection, """
                select u.user_id from {litellm}."LiteLLM_UserTable" u where u.user_id = ? for update""", user).isEmpty();
        List<String> memberships = jdbc.rows(connection, """
                select exists (select 1 from {litellm}."LiteLLM_TeamTable" t where t.team_id = ? and %s),
                       exists (select 1 from {litellm}."LiteLLM_OrganizationMembership" m
                               where m.user_id = ? and m.organization_id = ?)""".formatted(Rosters.includes("t", "cast(? as text)")),
                team, user, user, organization).get(0);
        if (memberships.get(0).equals("true") || (!organization.isEmpty() && memberships.get(1).equals("false"))) {
            throw new IllegalStateException("the edit floor's user " + user + " is on team " + team
                    + " already, or not in its organization");
        }
        List<List<String>> changes = new ArrayList<>();
        if (!inUserTable) {
            changes.addAll(jdbc.rows(connection, """
                    insert into {litellm}."LiteLLM_UserTable" as u
                        (user_id, user_email, user_role, teams, spend, metadata, model_spend, model_max_budget,
                         created_at, updated_at)
                    values (?, ?, 'internal_user', '{}', 0, '{}', '{}', '{}', timezone('utc', now()), timezone('utc', now()))
                    on conflict (user_id) do nothing
                    returning 'created', 'LiteLLM_UserTable', u.user_id, null, cast(%s as text)""".formatted(AuditRows.jsonb("u")),
                    user, email));
        }
        // The three copies in one statement: each CTE writes another table. Changed keys are the set columns
        // whose values differ from the row before.
        changes.addAll(jdbc.rows(connection, """
                with user_before as (
                    select u.user_id, %1$s as row from {litellm}."LiteLLM_UserTable" u where u.user_id = ?),
                user_after as (
                    update {litellm}."LiteLLM_UserTable" as u
                    set teams = array_append(coalesce(u.teams, '{}'), cast(? as text)), updated_at = timezone('utc', now())
                    from user_before b
                    where u.user_id = b.user_id and not (cast(? as text) = any(coalesce(u.teams, '{}')))
                    returning u.user_id, b.row, to_jsonb(u.teams) as teams, to_jsonb(u.updated_at) as updated_at),
                membership as (
                    insert into {litellm}."LiteLLM_TeamMembership" as m (user_id, team_id, spend) values (?, ?, 0)
                    on conflict (user_id, team_id) do nothing
                    returning m.user_id, %2$s as row),
                team_before as (
                    select t.team_id, %3$s as row from {litellm}."LiteLLM_TeamTable" t where t.team_id = ?),
                team_after as (
                    update {litellm}."LiteLLM_TeamTable" as t
                    set members_with_roles = %4$s || jsonb_build_array(jsonb_build_object('user_id', cast(? as text),
                            'user_email', cast(? as text), 'role', cast(? as text))),
                        updated_at = timezone('utc', now())
                    from team_before b
                    where t.team_id = b.team_id
                    returning t.team_id, b.row, jsonb_strip_nulls(t.members_with_roles) as roster,
                              to_jsonb(t.updated_at) as updated_at)
                select 'updated', 'LiteLLM_UserTable', a.user_id, cast(a.row as text),
                       cast(%5$s as text)
                from user_after a
                union all
                select 'created', 'LiteLLM_TeamMembership', cast(? as text) || '/' || m.user_id, null, cast(m.row as text)
                from membership m
                union all
                select 'updated', 'LiteLLM_TeamTable', a.team_id, cast(a.row as text), cast(%6$s as text)
                from team_after a""".formatted(AuditRows.jsonb("u"), AuditRows.jsonb("m"),
                        AuditRows.jsonb("t"), Rosters.members("t"),
                        changed("teams", "a.teams", "updated_at", "a.updated_at"),
                        changed("members_with_roles", "a.roster", "updated_at", "a.updated_at")),
                user, team, team, user, team, team, user, email, role, team));
        return changes;
    }

    /** The object of the two set columns whose new jsonb values differ from {@code a.row}'s. */
    private static String changed(String firstKey, String firstValue, String secondKey, String secondValue) {
        return """
                (select coalesce(jsonb_object_agg(c.key, c.value), '{}') from (values ('%1$s', %2$s), ('%3$s', %4$s)) c(key, value)
                 where a.row -> c.key is distinct from c.value)""".formatted(firstKey, firstValue, secondKey, secondValue);
    }
}
