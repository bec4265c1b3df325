package com.nemorouter.console.integrity.repair;

import static com.nemorouter.console.integrity.repair.RepairSql.object;
import static com.nemorouter.console.integrity.repair.RepairSql.parameters;
import static com.nemorouter.console.integrity.repair.RepairSql.requireCanonical;

import java.util.List;

import com.nemorouter.console.audit.AuditEntry;
import com.nemorouter.console.integrity.Finding;
import com.nemorouter.console.integrity.RepairChoice;
import com.nemorouter.console.integrity.RepairPlan;
import com.nemorouter.console.integrity.RepairStatement;

import jakarta.persistence.EntityManager;

/** {@code team_missing_in_nemo}: create the nemo team from LiteLLM's, once its organization is there. */
final class CreateNemoTeam implements Repair {

    private static final String NAME_IF_CREATABLE = """
            select coalesce(t.team_alias, t.team_id) from {litellm}."LiteLLM_TeamTable" t
            join {nemo}.organizations n on n.organization_id::text = t.organization_id
            where t.team_id = :id and not exists (select 1 from {nemo}.teams x where x.team_id = cast(:id as uuid))""";

    private static final String INSERT_TEAM = """
            insert into {nemo}.teams (team_id, organization_id, name, created_at)
            select cast(t.team_id as uuid), cast(t.organization_id as uuid), coalesce(t.team_alias, t.team_id), now()
            from {litellm}."LiteLLM_TeamTable" t
            where t.team_id = :team
              and not exists (select 1 from {nemo}.teams n where n.team_id = cast(:team as uuid))""";

    @Override
    public RepairPlan plan(EntityManager em, Finding finding, RepairChoice choice) {
        String team = requireCanonical(finding.entityId());
        String name = RepairSql.single(em, NAME_IF_CREATABLE, team)
                .orElseThrow(() -> new IllegalArgumentException("Team " + team + " cannot be created in nemo: "
                        + "its organization is missing from nemo (repair that first), or the team exists by now."));
        return new RepairPlan(finding, choice, "Create nemo team " + team + " ('" + name + "')",
                List.of(new RepairStatement(INSERT_TEAM, parameters("team", team))),
                List.of(), List.of(), List.of(AuditEntry.created("nemo.teams", team,
                object("team_id", team, "name", name, "organization_id", finding.organizationId()))));
    }
}
