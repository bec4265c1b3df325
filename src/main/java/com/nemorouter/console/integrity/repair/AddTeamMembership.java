package com.nemorouter.console.integrity.repair;

import static com.nemorouter.console.integrity.repair.RepairSql.object;
import static com.nemorouter.console.integrity.repair.RepairSql.parameters;

import java.util.List;

import com.nemorouter.console.audit.AuditEntry;
import com.nemorouter.console.integrity.Finding;
import com.nemorouter.console.integrity.RepairChoice;
import com.nemorouter.console.integrity.RepairPlan;
import com.nemorouter.console.integrity.RepairStatement;
import com.nemorouter.console.integrity.Severity;

import jakarta.persistence.EntityManager;

/**
 * {@code roster_membership_drift}: add the missing {@code LiteLLM_TeamMembership} row of a roster member
 * (the info finding). A stray row (the warning) needs a decision.
 */
final class AddTeamMembership implements Repair {

    private static final String INSERT_MEMBERSHIP = """
            insert into {litellm}."LiteLLM_TeamMembership" (user_id, team_id, spend)
            select :user, :team, 0
            where not exists (select 1 from {litellm}."LiteLLM_TeamMembership" m where m.user_id = :user and m.team_id = :team)""";

    @Override
    public List<RepairChoice> choices(Finding finding) {
        return finding.severity() == Severity.INFO ? List.of(RepairChoice.DEFAULT) : List.of();
    }

    @Override
    public RepairPlan plan(EntityManager em, Finding finding, RepairChoice choice) {
        String user = finding.entityId();
        String team = finding.related().get(0);
        RosterMember.require(em, team, user);
        return new RepairPlan(finding, choice, "Add the LiteLLM_TeamMembership row of user " + user
                + " in team " + team, List.of(new RepairStatement(INSERT_MEMBERSHIP,
                parameters("user", user, "team", team))),
                List.of(team), List.of(user), List.of(AuditEntry.created("LiteLLM_TeamMembership",
                AuditEntry.compositeId(team, user), object("user_id", user, "team_id", team))));
    }
}
