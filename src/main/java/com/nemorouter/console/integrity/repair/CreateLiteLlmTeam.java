package com.nemorouter.console.integrity.repair;

import static com.nemorouter.console.integrity.repair.RepairSql.canonical;
import static com.nemorouter.console.integrity.repair.RepairSql.object;
import static com.nemorouter.console.integrity.repair.RepairSql.parameters;

import java.util.List;

import com.nemorouter.console.audit.AuditEntry;
import com.nemorouter.console.integrity.Finding;
import com.nemorouter.console.integrity.RepairChoice;
import com.nemorouter.console.integrity.RepairPlan;
import com.nemorouter.console.integrity.RepairStatement;

import jakarta.persistence.EntityManager;

/** {@code team_missing_in_litellm}: create the LiteLLM team from nemo's, once its organization is there. */
final class CreateLiteLlmTeam implements Repair {

    private static final String NAME_IF_CREATABLE = """
            select n.name from {nemo}.teams n where n.team_id = cast(:id as uuid)
              and exists (select 1 from {litellm}."LiteLLM_OrganizationTable" l where l.organization_id = n.organization_id::text)
              and not exists (select 1 from {litellm}."LiteLLM_TeamTable" t where t.team_id = :id)""";

    private static final String INSERT_TEAM = """
            insert into {litellm}."LiteLLM_TeamTable" (team_id, team_alias, organization_id, admins, members,
                members_with_roles, metadata, spend, models, blocked, created_at, updated_at, model_spend,
                model_max_budget)
            select n.team_id::text, n.name, n.organization_id::text, '{}', '{}', '[]', '{}', 0, '{}', false,
                   timezone('utc', now()), timezone('utc', now()), '{}', '{}'
            from {nemo}.teams n
            where n.team_id = cast(:team as uuid)
              and not exists (select 1 from {litellm}."LiteLLM_TeamTable" t where t.team_id = :team)""";

    @Override
    public RepairPlan plan(EntityManager em, Finding finding, RepairChoice choice) {
        String team = canonical(finding.entityId());
        String name = RepairSql.single(em, NAME_IF_CREATABLE, team)
                .orElseThrow(() -> new IllegalArgumentException("Team " + team + " cannot be created in LiteLLM: "
                        + "its organization is missing from LiteLLM (repair that first), or the team exists by now."));
        return new RepairPlan(finding, choice, "Create LiteLLM team " + team + " ('" + name + "')",
                List.of(new RepairStatement(INSERT_TEAM, parameters("team", team))),
                List.of(), List.of(), List.of(AuditEntry.created("LiteLLM_TeamTable", team,
                object("team_id", team, "team_alias", name, "organization_id", finding.organizationId()))));
    }
}
