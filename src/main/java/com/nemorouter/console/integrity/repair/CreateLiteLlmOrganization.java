package com.nemorouter.console.integrity.repair;

import static com.nemorouter.console.integrity.repair.RepairSql.canonical;
import static com.nemorouter.console.integrity.repair.RepairSql.object;
import static com.nemorouter.console.integrity.repair.RepairSql.parameters;

import java.util.List;
import java.util.UUID;

import com.nemorouter.console.audit.AuditEntry;
import com.nemorouter.console.integrity.Finding;
import com.nemorouter.console.integrity.RepairChoice;
import com.nemorouter.console.integrity.RepairPlan;
import com.nemorouter.console.integrity.RepairStatement;

import jakarta.persistence.EntityManager;

/** {@code org_missing_in_litellm}: create the LiteLLM organization, with its budget row, from nemo's. */
final class CreateLiteLlmOrganization implements Repair {

    /** {@code created_by}/{@code updated_by} of the rows a repair creates. */
    static final String CHANGED_BY = "nemo-console";

    private static final String NAME_IF_STILL_MISSING = """
            select n.name from {nemo}.organizations n where n.organization_id = cast(:id as uuid)
              and not exists (select 1 from {litellm}."LiteLLM_OrganizationTable" l where l.organization_id = :id)""";

    private static final String INSERT_BUDGET = """
            insert into {litellm}."LiteLLM_BudgetTable" (budget_id, created_at, created_by, updated_at, updated_by)
            values (:budget, timezone('utc', now()), :by, timezone('utc', now()), :by)""";

    private static final String INSERT_ORGANIZATION = """
            insert into {litellm}."LiteLLM_OrganizationTable" (organization_id, organization_alias, budget_id,
                metadata, models, spend, model_spend, created_at, created_by, updated_at, updated_by)
            select n.organization_id::text, n.name, :budget, '{}', '{}', 0, '{}', timezone('utc', now()), :by,
                   timezone('utc', now()), :by
            from {nemo}.organizations n
            where n.organization_id = cast(:org as uuid)
              and not exists (select 1 from {litellm}."LiteLLM_OrganizationTable" l where l.organization_id = :org)""";

    @Override
    public RepairPlan plan(EntityManager em, Finding finding, RepairChoice choice) {
        String org = canonical(finding.entityId());
        String name = RepairSql.single(em, NAME_IF_STILL_MISSING, org)
                .orElseThrow(() -> new IllegalArgumentException("Organization " + org
                        + " is no longer missing from LiteLLM (or no longer in nemo)."));
        String budget = UUID.randomUUID().toString();
        return new RepairPlan(finding, choice, "Create LiteLLM organization " + org + " ('" + name
                + "') with its budget row", List.of(
                new RepairStatement(INSERT_BUDGET, parameters("budget", budget, "by", CHANGED_BY)),
                new RepairStatement(INSERT_ORGANIZATION, parameters("org", org, "budget", budget, "by", CHANGED_BY))),
                List.of(), List.of(), List.of(
                AuditEntry.created("LiteLLM_BudgetTable", budget, object("budget_id", budget)),
                AuditEntry.created("LiteLLM_OrganizationTable", org,
                        object("organization_id", org, "organization_alias", name, "budget_id", budget))));
    }
}
