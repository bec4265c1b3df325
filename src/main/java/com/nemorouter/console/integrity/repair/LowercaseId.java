package com.nemorouter.console.integrity.repair;

import static com.nemorouter.console.integrity.repair.RepairSql.canonical;
import static com.nemorouter.console.integrity.repair.RepairSql.object;
import static com.nemorouter.console.integrity.repair.RepairSql.parameters;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.nemorouter.console.audit.AuditEntry;
import com.nemorouter.console.integrity.Finding;
import com.nemorouter.console.integrity.RepairChoice;
import com.nemorouter.console.integrity.RepairPlan;
import com.nemorouter.console.integrity.RepairStatement;
import com.nemorouter.console.persistence.litellm.Rosters;

import jakarta.persistence.EntityManager;

/**
 * {@code non_canonical_id}: lowercase one organization, team or user id everywhere LiteLLM stores it
 * (SpendLogs, history, is left as it was). Refused when both spellings exist: merging is a decision.
 */
final class LowercaseId implements Repair {

    // ---- organization: the foreign keys cascade the new id (ON UPDATE CASCADE) ----

    private static final String ORGANIZATION_CLASH = """
            select count(*) from {litellm}."LiteLLM_OrganizationTable" where organization_id = :lower
              and exists (select 1 from {litellm}."LiteLLM_OrganizationTable" where organization_id = :value)""";

    private static final String RENAME_ORGANIZATION = """
            update {litellm}."LiteLLM_OrganizationTable" set organization_id = :lower, updated_at = timezone('utc', now())
            where organization_id = :value""";

    /** Marks the rows the cascade changed as updated; %s is a table with an organization_id column. */
    private static final String TOUCH_ORGANIZATION_CHILDREN = """
            update {litellm}."%s" set updated_at = timezone('utc', now())
            where organization_id = :lower
              and exists (select 1 from {litellm}."LiteLLM_OrganizationTable" o where o.organization_id = :lower)""";

    private static final List<String> ORGANIZATION_CHILDREN = List.of("LiteLLM_TeamTable",
            "LiteLLM_OrganizationMembership", "LiteLLM_VerificationToken", "LiteLLM_UserTable");

    // ---- team ----

    private static final String TEAM_CLASH = """
            select count(*) from {litellm}."LiteLLM_TeamTable" where team_id = :lower
              and exists (select 1 from {litellm}."LiteLLM_TeamTable" where team_id = :value)""";

    private static final String USERS_IN_TEAM = """
            select u.user_id from {litellm}."LiteLLM_UserTable" u where array_position(u.teams, :value) is not null""";

    private static final List<String> RENAME_TEAM = List.of("""
            update {litellm}."LiteLLM_TeamTable" set team_id = :lower, updated_at = timezone('utc', now())
            where team_id = :value""", """
            update {litellm}."LiteLLM_TeamMembership" set team_id = :lower
            where team_id = :value""", """
            update {litellm}."LiteLLM_VerificationToken" set team_id = :lower, updated_at = timezone('utc', now())
            where team_id = :value""", """
            update {litellm}."LiteLLM_UserTable" set teams = array_replace(teams, :value, :lower), updated_at = timezone('utc', now())
            where array_position(teams, :value) is not null""");

    // ---- user: OrganizationMembership follows through its foreign key (ON UPDATE CASCADE) ----

    private static final String USER_CLASH = """
            select count(*) from {litellm}."LiteLLM_UserTable" where user_id = :lower
              and exists (select 1 from {litellm}."LiteLLM_UserTable" where user_id = :value)""";

    private static final String TEAMS_WITH_USER = """
            select t.team_id from {litellm}."LiteLLM_TeamTable" t where %s"""
            .formatted(Rosters.includes("t", "cast(:value as text)"));

    private static final String RENAME_USER = """
            update {litellm}."LiteLLM_UserTable" set user_id = :lower, updated_at = timezone('utc', now())
            where user_id = :value""";

    private static final String TOUCH_USER_MEMBERSHIPS = """
            update {litellm}."LiteLLM_OrganizationMembership" set updated_at = timezone('utc', now())
            where user_id = :lower and exists (select 1 from {litellm}."LiteLLM_UserTable" u where u.user_id = :lower)""";

    private static final List<String> RENAME_USER_REFERENCES = List.of("""
            update {litellm}."LiteLLM_TeamMembership" set user_id = :lower
            where user_id = :value""", """
            update {litellm}."LiteLLM_VerificationToken" set user_id = :lower, updated_at = timezone('utc', now())
            where user_id = :value""", """
            update {litellm}."LiteLLM_TeamTable" t
            set members_with_roles = (select jsonb_agg(case when e.member ->> 'user_id' = :value
                                                            then jsonb_set(e.member, '{user_id}', to_jsonb(cast(:lower as text)))
                                                            else e.member end order by e.position)
                                      from jsonb_array_elements(t.members_with_roles) with ordinality e(member, position)),
                updated_at = timezone('utc', now())
            where %s""".formatted(Rosters.includes("t", "cast(:value as text)")));

    @Override
    public RepairPlan plan(EntityManager em, Finding finding, RepairChoice choice) {
        String value = finding.entityId();
        String lower = canonical(value);
        String type = finding.entityType();
        Map<String, Object> ids = parameters("value", value, "lower", lower);
        String clash = switch (type) {
            case "organization" -> ORGANIZATION_CLASH;
            case "team" -> TEAM_CLASH;
            default -> USER_CLASH;
        };
        if (RepairSql.count(em, clash, ids) > 0) {
            throw new IllegalArgumentException(type + " " + lower + " exists in both spellings: merging them is a "
                    + "decision, not a safe repair.");
        }
        List<RepairStatement> statements = new ArrayList<>();
        List<String> lockTeams = new ArrayList<>();
        List<String> lockUsers = new ArrayList<>();
        List<AuditEntry> audit = new ArrayList<>();
        switch (type) {
            case "organization" -> {
                statements.add(new RepairStatement(RENAME_ORGANIZATION, ids));
                for (String child : ORGANIZATION_CHILDREN) {
                    statements.add(new RepairStatement(TOUCH_ORGANIZATION_CHILDREN.formatted(child),
                            parameters("lower", lower)));
                }
                audit.add(AuditEntry.updated("LiteLLM_OrganizationTable", lower, object("organization_id", value),
                        object("organization_id", lower)));
            }
            case "team" -> {
                lockTeams.addAll(List.of(value, lower));
                lockUsers.addAll(RepairSql.strings(em, USERS_IN_TEAM, value));
                RENAME_TEAM.forEach(sql -> statements.add(new RepairStatement(sql, ids)));
                audit.add(AuditEntry.updated("LiteLLM_TeamTable", lower, object("team_id", value), object("team_id", lower)));
            }
            default -> {
                lockTeams.addAll(RepairSql.strings(em, TEAMS_WITH_USER, value));
                lockUsers.add(value);
                statements.add(new RepairStatement(RENAME_USER, ids));
                statements.add(new RepairStatement(TOUCH_USER_MEMBERSHIPS, parameters("lower", lower)));
                RENAME_USER_REFERENCES.forEach(sql -> statements.add(new RepairStatement(sql, ids)));
                audit.add(AuditEntry.updated("LiteLLM_UserTable", lower, object("user_id", value), object("user_id", lower)));
                for (String team : lockTeams) {
                    audit.add(AuditEntry.updated("LiteLLM_TeamTable", team, object("member_user_id", value),
                            object("member_user_id", lower)));
                }
            }
        }
        return new RepairPlan(finding, choice, "Lowercase " + type + " id " + value + " to " + lower
                + " everywhere LiteLLM stores it", statements, lockTeams, lockUsers, audit);
    }
}
