package com.nemorouter.console.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.nemorouter.console.connection.Database;
import com.nemorouter.console.persistence.litellm.Rosters;
import com.nemorouter.console.presence.Ids;

/**
 * What the benchmark reads from the data before it times anything: how big the dataset is, and what the
 * operations run against, the worst cases (the largest organization, its largest team, a member with an
 * email, a key, the teams the edits add a user to). Plain JDBC on the console's pool, untimed.
 */
final class DatasetSurvey {

    private DatasetSurvey() {
    }

    /** Row counts of the dataset's main tables, for the report's {@code dataset} object. */
    static Map<String, Object> rowCounts(Database database) {
        Map<String, Object> counts = new LinkedHashMap<>();
        try (Connection connection = database.dataSource().getConnection()) {
            String[][] tables = {
                    {"organizations", "select count(*) from (select organization_id::text from {nemo}.organizations union "
                            + "select organization_id from {litellm}.\"LiteLLM_OrganizationTable\") o"},
                    {"teams", "select count(*) from {litellm}.\"LiteLLM_TeamTable\""},
                    {"users", "select count(*) from {litellm}.\"LiteLLM_UserTable\""},
                    {"auth_users", "select count(*) from {auth}.users"},
                    {"org_memberships", "select count(*) from {litellm}.\"LiteLLM_OrganizationMembership\""},
                    {"team_memberships", "select count(*) from {litellm}.\"LiteLLM_TeamMembership\""},
                    {"keys", "select count(*) from {litellm}.\"LiteLLM_VerificationToken\""},
                    {"spend_logs", "select count(*) from {litellm}.\"LiteLLM_SpendLogs\""}};
            for (String[] table : tables) {
                counts.put(table[0], Long.parseLong(single(connection, database.target().schemas().resolve(table[1]))));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not count the dataset: " + e.getMessage(), e);
        }
        return counts;
    }

    static Targets targets(Database database) {
        try (Connection connection = database.dataSource().getConnection()) {
            java.util.function.UnaryOperator<String> q = database.target().schemas()::resolve;
            List<String> largest = row(connection, q.apply("""
                    select m.organization_id, count(*)::text from {litellm}."LiteLLM_OrganizationMembership" m
                    group by m.organization_id order by count(*) desc, m.organization_id limit 1"""));
            if (largest == null) {
                throw new IllegalStateException("The database has no organization memberships to benchmark.");
            }
            String org = largest.get(0);
            String name = single(connection, q.apply("""
                    select coalesce((select n.name from {nemo}.organizations n where n.organization_id::text = ?),
                                    (select l.organization_alias from {litellm}."LiteLLM_OrganizationTable" l
                                     where l.organization_id = ?), ?)"""), org, org, org);
            String searchText = name.strip().toLowerCase(Locale.ROOT).substring(0, Math.min(4, name.strip().length()));
            String uuidPrefix = Ids.uuidPrefix(org).substring(0, Math.min(6, Ids.uuidPrefix(org).length()));
            List<String> team = row(connection, q.apply("""
                    select t.team_id from {litellm}."LiteLLM_TeamTable" t where t.organization_id = ?
                    order by %s desc, t.team_id limit 1""".formatted(Rosters.size("t"))), org);
            List<String> member = row(connection, q.apply("""
                    select m.user_id, u.user_email from {litellm}."LiteLLM_OrganizationMembership" m
                    join {litellm}."LiteLLM_UserTable" u on u.user_id = m.user_id
                    where m.organization_id = ? and u.user_email is not null
                    order by m.user_id limit 1"""), org);
            List<String> key = row(connection, q.apply("""
                    select k.token from {litellm}."LiteLLM_VerificationToken" k
                    where k.organization_id = ? or k.team_id = ? order by k.token limit 1"""), org,
                    team == null ? null : team.get(0));
            if (key == null) {
                key = row(connection, q.apply("select k.token from {litellm}.\"LiteLLM_VerificationToken\" k order by k.token limit 1"));
            }
            Targets.EditTarget largeEdit = team == null ? null : editTarget(connection, q, """
                    select t.team_id, t.organization_id, %s from {litellm}."LiteLLM_TeamTable" t
                    where t.team_id = ?""".formatted(Rosters.size("t")), team.get(0));
            if (member == null || team == null || key == null) {
                throw new IllegalStateException("The largest organization " + org
                        + " has no team, no member with an email or no key to benchmark.");
            }
            return new Targets(org, Long.parseLong(largest.get(1)), searchText, uuidPrefix, member.get(0), member.get(1),
                    team.get(0), key.get(0), busyTeamEdit(connection, q), largeEdit);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not pick the benchmark's targets: " + e.getMessage(), e);
        }
    }

    /**
     * The {@code edit} operation's team: one at the 99th percentile of roster size (a busy team, not the
     * few giants), that has an organization and an org member it can add.
     */
    private static Targets.EditTarget busyTeamEdit(Connection connection, java.util.function.UnaryOperator<String> q)
            throws SQLException {
        return editTarget(connection, q, """
                with sizes as (
                    select t.team_id, t.organization_id, %s as entries
                    from {litellm}."LiteLLM_TeamTable" t
                    where %s and t.organization_id is not null),
                busy as (select percentile_disc(0.99) within group (order by s.entries) as entries from sizes s)
                select s.team_id, s.organization_id, s.entries from sizes s, busy b
                where s.entries >= b.entries
                order by s.entries, s.team_id""".formatted(Rosters.size("t"), Rosters.isArray("t.members_with_roles")));
    }

    /**
     * The first team {@code teams} lists (team id, organization id, roster entries) whose organization has a
     * Supabase user who is on neither the team's roster nor its memberships: the user the edit adds.
     */
    private static Targets.EditTarget editTarget(Connection connection, java.util.function.UnaryOperator<String> q,
                                                   String teams, Object... parameters) throws SQLException {
        List<String> found = row(connection, q.apply("""
                select c.team_id, u.user_id, c.entries::text
                from (%s) c(team_id, organization_id, entries)
                cross join lateral (
                    select m.user_id from {litellm}."LiteLLM_OrganizationMembership" m
                    join {auth}.users a on a.id::text = m.user_id
                    where m.organization_id = c.organization_id
                      and not exists (select 1 from {litellm}."LiteLLM_TeamTable" t where t.team_id = c.team_id
                                      and %s)
                      and not exists (select 1 from {litellm}."LiteLLM_TeamMembership" tm
                                      where tm.user_id = m.user_id and tm.team_id = c.team_id)
                    order by m.user_id limit 1) u
                limit 1""".formatted(teams, Rosters.includes("t", "m.user_id"))), parameters);
        return found == null ? null : new Targets.EditTarget(found.get(0), found.get(1), Long.parseLong(found.get(2)));
    }

    private static String single(Connection connection, String sql, Object... parameters) throws SQLException {
        List<String> row = row(connection, sql, parameters);
        return row == null ? null : row.get(0);
    }

    private static List<String> row(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                if (!rows.next()) {
                    return null;
                }
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= rows.getMetaData().getColumnCount(); i++) {
                    row.add(rows.getString(i));
                }
                return row;
            }
        }
    }
}
