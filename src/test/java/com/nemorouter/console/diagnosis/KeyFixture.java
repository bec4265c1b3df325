package com.nemorouter.console.diagnosis;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import com.nemorouter.console.integrity.KeyService;
import com.nemorouter.console.testing.TestDatabases;

/**
 * A tenant whose key passes every LiteLLM check: an organization with a budget, a team in it, a user on the
 * team with a membership row, and the key. Each field is SQL that a test may change before {@link #insert}.
 * Fresh ids every time, so many fixtures share one database copy.
 */
final class KeyFixture {

    final String rawKey = "sk-fixture-" + UUID.randomUUID();
    final String hash = KeyService.tokenHash(rawKey);
    final String org = UUID.randomUUID().toString();
    final String orgBudget = UUID.randomUUID().toString();
    final String team = UUID.randomUUID().toString();
    final String user = UUID.randomUUID().toString();

    double orgMax = 100;
    double orgSpend = 1;
    String teamModels = "'{gpt-4o,gpt-4o-mini}'";
    String teamMaxBudget = "50";
    double teamSpend = 1;
    boolean teamBlocked = false;
    String teamMetadata = "{}";
    String userModels = "'{}'";
    String userMaxBudget = "null";
    double userSpend = 1;
    String userMetadata = "{}";
    double memberSpend = 1;
    String memberMaxBudget = null;
    String keyModels = "'{}'";
    String keyTeam = "team";
    String keyBlocked = "null";
    String keyExpires = "null";
    double keySpend = 1;
    String keyMaxBudget = "10";
    String keyRoutes = "'{}'";
    String keyMetadata = "{}";
    boolean insertKey = true;
    final List<String> extra = new ArrayList<>();

    void insert(DataSource dataSource) {
        List<String> sql = new ArrayList<>();
        sql.add("insert into \"LiteLLM_BudgetTable\" (budget_id, max_budget, created_by, updated_by) values ('" + orgBudget
                + "', " + orgMax + ", 'test', 'test')");
        sql.add("insert into \"LiteLLM_OrganizationTable\" (organization_id, organization_alias, budget_id, spend, created_by, "
                + "updated_by) values ('" + org + "', 'Fixture', '" + orgBudget + "', " + orgSpend + ", 'test', 'test')");
        sql.add("insert into \"LiteLLM_TeamTable\" (team_id, team_alias, organization_id, members_with_roles, metadata, "
                + "max_budget, spend, models, blocked) values ('" + team + "', 'fixture', '" + org + "', "
                + "jsonb_build_array(jsonb_build_object('user_id', '" + user + "', 'role', 'user')), '" + teamMetadata + "', "
                + teamMaxBudget + ", " + teamSpend + ", " + teamModels + ", " + teamBlocked + ")");
        sql.add("insert into \"LiteLLM_UserTable\" (user_id, teams, models, max_budget, spend, metadata) values ('" + user
                + "', '{" + team + "}', " + userModels + ", " + userMaxBudget + ", " + userSpend + ", '" + userMetadata + "')");
        String memberBudget = null;
        if (memberMaxBudget != null) {
            memberBudget = UUID.randomUUID().toString();
            sql.add("insert into \"LiteLLM_BudgetTable\" (budget_id, max_budget, created_by, updated_by) values ('"
                    + memberBudget + "', " + memberMaxBudget + ", 'test', 'test')");
        }
        sql.add("insert into \"LiteLLM_TeamMembership\" (user_id, team_id, spend, budget_id) values ('" + user + "', '"
                + team + "', " + memberSpend + ", " + (memberBudget == null ? "null" : "'" + memberBudget + "'") + ")");
        if (insertKey) {
            sql.add("insert into \"LiteLLM_VerificationToken\" (token, key_alias, spend, expires, models, user_id, team_id, "
                    + "metadata, blocked, max_budget, organization_id, allowed_routes, created_at, updated_at) values ('"
                    + hash + "', 'fixture-key', " + keySpend + ", " + keyExpires + ", " + keyModels + ", '" + user + "', "
                    + (keyTeam == null ? "null" : "'" + team + "'") + ", '" + keyMetadata + "', " + keyBlocked + ", "
                    + keyMaxBudget + ", '" + org + "', " + keyRoutes + ", timezone('utc', now()) - interval '1 day', "
                    + "timezone('utc', now()) - interval '1 day')");
        }
        sql.addAll(extra);
        for (String statement : sql) {
            TestDatabases.execute(dataSource, statement);
        }
    }
}
