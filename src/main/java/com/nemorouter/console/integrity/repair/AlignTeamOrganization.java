package com.nemorouter.console.integrity.repair;

import static com.nemorouter.console.integrity.repair.RepairSql.object;
import static com.nemorouter.console.integrity.repair.RepairSql.parameters;

import java.util.List;

import com.nemorouter.console.audit.AuditEntry;
import com.nemorouter.console.integrity.Finding;
import com.nemorouter.console.integrity.RepairChoice;
import com.nemorouter.console.integrity.RepairPlan;
import com.nemorouter.console.integrity.RepairStatement;

import jakarta.persistence.EntityManager;

/** {@code team_org_mismatch}: set one side's organization to the other's; the user says which is right. */
final class AlignTeamOrganization implements Repair {

    private static final String LITELLM_ORGANIZATION = """
            select l.organization_id from {litellm}."LiteLLM_OrganizationTable" l where l.organization_id = :id""";

    private static final String NEMO_ORGANIZATION = """
            select n.name from {nemo}.organizations n where n.organization_id::text = :id""";

    private static final String SET_LITELLM_TEAM_ORGANIZATION = """
            update {litellm}."LiteLLM_TeamTable" set organization_id = :org, updated_at = timezone('utc', now())
            where team_id = :team and organization_id = :old""";

    private static final String SET_NEMO_TEAM_ORGANIZATION = """
            update {nemo}.teams set organization_id = cast(:org as uuid)
            where team_id = cast(:team as uuid) and organization_id = cast(:old as uuid)""";

    @Override
    public List<RepairChoice> choices(Finding finding) {
        return List.of(RepairChoice.NEMO_IS_RIGHT, RepairChoice.LITELLM_IS_RIGHT);
    }

    @Override
    public RepairPlan plan(EntityManager em, Finding finding, RepairChoice choice) {
        String team = finding.entityId();
        String nemoOrg = finding.organizationId();
        String liteLlmOrg = finding.related().get(0);
        if (choice == RepairChoice.NEMO_IS_RIGHT) {
            RepairSql.single(em, LITELLM_ORGANIZATION, nemoOrg)
                    .orElseThrow(() -> new IllegalArgumentException("Organization " + nemoOrg
                            + " is missing from LiteLLM: create it there first."));
            return new RepairPlan(finding, choice, "Set LiteLLM team " + team + "'s organization to " + nemoOrg
                    + " (as in nemo)", List.of(new RepairStatement(SET_LITELLM_TEAM_ORGANIZATION,
                    parameters("org", nemoOrg, "team", team, "old", liteLlmOrg))),
                    List.of(), List.of(), List.of(AuditEntry.updated("LiteLLM_TeamTable", team,
                    object("organization_id", liteLlmOrg), object("organization_id", nemoOrg))));
        }
        RepairSql.single(em, NEMO_ORGANIZATION, liteLlmOrg)
                .orElseThrow(() -> new IllegalArgumentException("Organization " + liteLlmOrg
                        + " is missing from nemo: create it there first."));
        return new RepairPlan(finding, choice, "Set nemo team " + team + "'s organization to " + liteLlmOrg
                + " (as in LiteLLM)", List.of(new RepairStatement(SET_NEMO_TEAM_ORGANIZATION,
                parameters("org", liteLlmOrg, "team", team, "old", nemoOrg))),
                List.of(), List.of(), List.of(AuditEntry.updated("nemo.teams", team,
                object("organization_id", nemoOrg), object("organization_id", liteLlmOrg))));
    }
}
