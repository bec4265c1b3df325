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

/** {@code org_missing_in_nemo}: create the nemo organization from LiteLLM's, with a unique slug. */
final class CreateNemoOrganization implements Repair {

    private static final String ALIAS_IF_STILL_MISSING = """
            select l.organization_alias from {litellm}."LiteLLM_OrganizationTable" l
            where l.organization_id = :id
              and not exists (select 1 from {nemo}.organizations n where n.organization_id = cast(:id as uuid))""";

    private static final String INSERT_ORGANIZATION = """
            insert into {nemo}.organizations (organization_id, name, slug, plan, created_at, updated_at)
            select cast(l.organization_id as uuid), l.organization_alias,
                   case when exists (select 1 from {nemo}.organizations s where s.slug = x.slug)
                        then x.slug || '-' || left(l.organization_id, 8) else x.slug end,
                   'free', now(), now()
            from {litellm}."LiteLLM_OrganizationTable" l
            cross join lateral (select coalesce(nullif(trim(both '-' from lower(regexp_replace(
                l.organization_alias, '[^A-Za-z0-9]+', '-', 'g'))), ''), 'org') as slug) x
            where l.organization_id = :org
              and not exists (select 1 from {nemo}.organizations n where n.organization_id = cast(:org as uuid))""";

    @Override
    public RepairPlan plan(EntityManager em, Finding finding, RepairChoice choice) {
        String org = requireCanonical(finding.entityId());
        String alias = RepairSql.single(em, ALIAS_IF_STILL_MISSING, org)
                .orElseThrow(() -> new IllegalArgumentException("Organization " + org
                        + " is no longer missing from nemo (or no longer in LiteLLM)."));
        return new RepairPlan(finding, choice, "Create nemo organization " + org + " ('" + alias + "')",
                List.of(new RepairStatement(INSERT_ORGANIZATION, parameters("org", org))),
                List.of(), List.of(), List.of(AuditEntry.created("nemo.organizations", org,
                object("organization_id", org, "name", alias))));
    }
}
