package com.nemorouter.console.integrity;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nemorouter.console.audit.AuditEntry;
import com.nemorouter.console.audit.AuditRows;
import com.nemorouter.console.audit.AuditReceipt;
import com.nemorouter.console.audit.AuditTrail;
import com.nemorouter.console.connection.Database;
import com.nemorouter.console.membership.RosterLocks;
import com.nemorouter.console.presence.Ids;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

/**
 * Safe fixes for audit findings. {@link #plan} reads what the fix needs and returns the exact statements;
 * {@link #apply} runs them in one transaction: roster locks first when a roster is touched (LiteLLM's
 * protocol, {@link RosterLocks}), then the statements, the {@code LiteLLM_AuditLog} rows
 * ({@link AuditTrail}) and the check again, so the caller sees whether the finding is gone. Every
 * statement is guarded ({@code where not exists}, {@code where ... is null}), so a plan applied after
 * someone else fixed the same drift changes nothing. Methods run on a background thread.
 */
public final class RepairService {

    static final String CHANGED_BY = "nemo-console";
    private static final String UTC_NOW = "timezone('utc', now())";

    private final Database database;
    private final AuditTrail auditTrail;
    private final RosterLocks rosterLocks;
    private final ObjectMapper json = new ObjectMapper();

    public RepairService(Database database, AuditTrail auditTrail, RosterLocks rosterLocks) {
        this.database = database;
        this.auditTrail = auditTrail;
        this.rosterLocks = rosterLocks;
    }

    /** The ways {@code finding} can be repaired; empty when no safe fix exists for it. No database access. */
    public static List<RepairChoice> choices(Finding finding) {
        return switch (finding.check()) {
            case "org_missing_in_litellm", "org_missing_in_nemo", "team_missing_in_litellm", "team_missing_in_nemo",
                 "non_canonical_id" -> List.of(RepairChoice.DEFAULT);
            case "team_org_mismatch" -> List.of(RepairChoice.NEMO_IS_RIGHT, RepairChoice.LITELLM_IS_RIGHT);
            // Only "the user's teams array lacks the team" (the roster is the source of truth) has a safe fix.
            case "roster_teams_drift" -> finding.tables().get(0).equals("LiteLLM_TeamTable")
                    ? List.of(RepairChoice.DEFAULT) : List.of();
            // Only a missing TeamMembership row (info) is safe to add; a stray one needs a decision.
            case "roster_membership_drift" -> finding.severity() == Severity.INFO
                    ? List.of(RepairChoice.DEFAULT) : List.of();
            default -> List.of();
        };
    }

    /**
     * The repair of {@code finding}: one read transaction, one statement to check its preconditions.
     *
     * @throws IllegalArgumentException when it cannot be repaired (now), saying why
     */
    public RepairPlan plan(Finding finding, RepairChoice choice) {
        if (!choices(finding).contains(choice)) {
            throw new IllegalArgumentException("No safe repair of " + finding.check() + " for " + finding.entityId()
                    + (choice == RepairChoice.DEFAULT ? "." : " with " + choice + "."));
        }
        RepairPlan plan = database.read(em -> switch (finding.check()) {
            case "org_missing_in_litellm" -> createLiteLlmOrganization(em, finding);
            case "org_missing_in_nemo" -> createNemoOrganization(em, finding);
            case "team_missing_in_litellm" -> createLiteLlmTeam(em, finding);
            case "team_missing_in_nemo" -> createNemoTeam(em, finding);
            case "team_org_mismatch" -> alignTeamOrganization(em, finding, choice);
            case "roster_teams_drift" -> addTeamsEntry(em, finding);
            case "roster_membership_drift" -> addTeamMembership(em, finding);
            case "non_canonical_id" -> lowercase(em, finding);
            default -> throw new IllegalArgumentException("No safe repair of " + finding.check() + ".");
        });
        // The preview the user copies must name this database's schemas, not the placeholders.
        return plan.resolved(database.target().schemas());
    }

    /**
     * Runs {@code plan} in one write transaction: locks, statements, audit rows, then the check again.
     * Rolls back entirely when any statement fails. Appends the audit records to the local file after
     * the commit when {@code LiteLLM_AuditLog} does not exist.
     */
    public RepairOutcome apply(RepairPlan plan) {
        AuditCheck check = AuditCheck.valueOf(plan.finding().check().toUpperCase(java.util.Locale.ROOT));
        Object[] result = database.write(em -> {
            if (!plan.lockTeams().isEmpty() || !plan.lockUsers().isEmpty()) {
                rosterLocks.lock(em, plan.lockTeams(), plan.lockUsers());
            }
            Map<String, Map<String, String>> before = wholeRows(em, plan.audit());
            for (RepairStatement statement : plan.statements()) {
                Query query = em.createNativeQuery(statement.sql());
                statement.parameters().forEach(query::setParameter);
                query.executeUpdate();
            }
            AuditReceipt receipt = auditTrail.record(em, asWritten(plan.audit(), before, wholeRows(em, plan.audit())));
            CheckResult recheck = AuditService.execute(em, check);
            return new Object[] {receipt, recheck};
        });
        String message = auditTrail.publish((AuditReceipt) result[0]);
        return new RepairOutcome(plan, message, (CheckResult) result[1]);
    }

    /**
     * The whole rows, by table and id, of the planned audit entries' objects in tables LiteLLM audits by
     * row ({@link AuditRows#ID_COLUMNS}): under the entry's id and, for an id the repair changes, the old id
     * its planned before value names. One statement per table.
     */
    private static Map<String, Map<String, String>> wholeRows(EntityManager em, List<AuditEntry> planned) {
        Map<String, java.util.Set<String>> ids = new java.util.TreeMap<>();
        for (AuditEntry entry : planned) {
            if (AuditRows.ID_COLUMNS.containsKey(entry.tableName())) {
                java.util.Set<String> tableIds = ids.computeIfAbsent(entry.tableName(), table -> new java.util.TreeSet<>());
                tableIds.add(entry.objectId());
                tableIds.add(beforeId(entry));
            }
        }
        Map<String, Map<String, String>> rows = new java.util.HashMap<>();
        ids.forEach((table, tableIds) -> rows.put(table, AuditRows.read(em, table, List.copyOf(tableIds))));
        return rows;
    }

    /** The id the object had before the repair: a planned before value that names its id column says it. */
    private static String beforeId(AuditEntry entry) {
        String idColumn = AuditRows.ID_COLUMNS.get(entry.tableName());
        if (entry.beforeValue() != null) {
            try {
                JsonNode before = new ObjectMapper().readTree(entry.beforeValue());
                if (before.hasNonNull(idColumn)) {
                    return before.get(idColumn).asText();
                }
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException("planned audit value is not JSON", e);
            }
        }
        return entry.objectId();
    }

    /**
     * The audit entries as LiteLLM shapes them, from the whole rows before and after the statements:
     * created (no row before), updated (the changed keys; nothing when nothing changed, as when a guard
     * found the repair already made), deleted. Entries of other tables stay as planned.
     */
    private static List<AuditEntry> asWritten(List<AuditEntry> planned, Map<String, Map<String, String>> before,
                                              Map<String, Map<String, String>> after) {
        List<AuditEntry> written = new ArrayList<>();
        for (AuditEntry entry : planned) {
            if (!AuditRows.ID_COLUMNS.containsKey(entry.tableName())) {
                written.add(entry);
                continue;
            }
            String old = before.get(entry.tableName()).get(beforeId(entry));
            String now = after.get(entry.tableName()).get(entry.objectId());
            if (old == null && now != null) {
                written.add(AuditEntry.created(entry.tableName(), entry.objectId(), now));
            } else if (old != null && now != null) {
                AuditEntry updated = AuditEntry.updated(entry.tableName(), entry.objectId(), old, now);
                if (!updated.changesNothing()) {
                    written.add(updated);
                }
            } else if (old != null) {
                written.add(AuditEntry.deleted(entry.tableName(), entry.objectId(), old));
            }
        }
        return written;
    }

    private RepairPlan createLiteLlmOrganization(EntityManager em, Finding finding) {
        String org = canonical(finding.entityId());
        String name = single(em, "select n.name from {nemo}.organizations n where n.organization_id = cast(:id as uuid)"
                + " and not exists (select 1 from {litellm}.\"LiteLLM_OrganizationTable\" l where l.organization_id = :id)", org)
                .orElseThrow(() -> new IllegalArgumentException("Organization " + org
                        + " is no longer missing from LiteLLM (or no longer in nemo)."));
        String budget = UUID.randomUUID().toString();
        Map<String, Object> budgetParameters = parameters("budget", budget, "by", CHANGED_BY);
        Map<String, Object> orgParameters = parameters("org", org, "budget", budget, "by", CHANGED_BY);
        return new RepairPlan(finding, RepairChoice.DEFAULT, "Create LiteLLM organization " + org + " ('" + name
                + "') with its budget row", List.of(
                new RepairStatement("""
                        insert into {litellm}."LiteLLM_BudgetTable" (budget_id, created_at, created_by, updated_at, updated_by)
                        values (:budget, %1$s, :by, %1$s, :by)""".formatted(UTC_NOW), budgetParameters),
                new RepairStatement("""
                        insert into {litellm}."LiteLLM_OrganizationTable" (organization_id, organization_alias, budget_id,
                            metadata, models, spend, model_spend, created_at, created_by, updated_at, updated_by)
                        select n.organization_id::text, n.name, :budget, '{}', '{}', 0, '{}', %1$s, :by, %1$s, :by
                        from {nemo}.organizations n
                        where n.organization_id = cast(:org as uuid)
                          and not exists (select 1 from {litellm}."LiteLLM_OrganizationTable" l where l.organization_id = :org)"""
                        .formatted(UTC_NOW), orgParameters)),
                List.of(), List.of(), List.of(
                AuditEntry.created("LiteLLM_BudgetTable", budget, object("budget_id", budget)),
                AuditEntry.created("LiteLLM_OrganizationTable", org,
                        object("organization_id", org, "organization_alias", name, "budget_id", budget))));
    }

    private RepairPlan createNemoOrganization(EntityManager em, Finding finding) {
        String org = requireCanonical(finding.entityId());
        String alias = single(em, "select l.organization_alias from {litellm}.\"LiteLLM_OrganizationTable\" l"
                + " where l.organization_id = :id and not exists (select 1 from {nemo}.organizations n"
                + " where n.organization_id = cast(:id as uuid))", org)
                .orElseThrow(() -> new IllegalArgumentException("Organization " + org
                        + " is no longer missing from nemo (or no longer in LiteLLM)."));
        return new RepairPlan(finding, RepairChoice.DEFAULT, "Create nemo organization " + org + " ('" + alias + "')",
                List.of(new RepairStatement("""
                        insert into {nemo}.organizations (organization_id, name, slug, plan, created_at, updated_at)
                        select cast(l.organization_id as uuid), l.organization_alias,
                               case when exists (select 1 from {nemo}.organizations s where s.slug = x.slug)
                                    then x.slug || '-' || left(l.organization_id, 8) else x.slug end,
                               'free', now(), now()
                        from {litellm}."LiteLLM_OrganizationTable" l
                        cross join lateral (select coalesce(nullif(trim(both '-' from lower(regexp_replace(
                            l.organization_alias, '[^A-Za-z0-9]+', '-', 'g'))), ''), 'org') as slug) x
                        where l.organization_id = :org
                          and not exists (select 1 from {nemo}.organizations n where n.organization_id = cast(:org as uuid))""",
                        parameters("org", org))),
                List.of(), List.of(), List.of(AuditEntry.created("nemo.organizations", org,
                object("organization_id", org, "name", alias))));
    }

    private RepairPlan createLiteLlmTeam(EntityManager em, Finding finding) {
        String team = canonical(finding.entityId());
        String name = single(em, "select n.name from {nemo}.teams n where n.team_id = cast(:id as uuid)"
                + " and exists (select 1 from {litellm}.\"LiteLLM_OrganizationTable\" l where l.organization_id = n.organization_id::text)"
                + " and not exists (select 1 from {litellm}.\"LiteLLM_TeamTable\" t where t.team_id = :id)", team)
                .orElseThrow(() -> new IllegalArgumentException("Team " + team + " cannot be created in LiteLLM: "
                        + "its organization is missing from LiteLLM (repair that first), or the team exists by now."));
        return new RepairPlan(finding, RepairChoice.DEFAULT, "Create LiteLLM team " + team + " ('" + name + "')",
                List.of(new RepairStatement("""
                        insert into {litellm}."LiteLLM_TeamTable" (team_id, team_alias, organization_id, admins, members,
                            members_with_roles, metadata, spend, models, blocked, created_at, updated_at, model_spend,
                            model_max_budget)
                        select n.team_id::text, n.name, n.organization_id::text, '{}', '{}', '[]', '{}', 0, '{}', false,
                               %1$s, %1$s, '{}', '{}'
                        from {nemo}.teams n
                        where n.team_id = cast(:team as uuid)
                          and not exists (select 1 from {litellm}."LiteLLM_TeamTable" t where t.team_id = :team)"""
                        .formatted(UTC_NOW), parameters("team", team))),
                List.of(), List.of(), List.of(AuditEntry.created("LiteLLM_TeamTable", team,
                object("team_id", team, "team_alias", name, "organization_id", finding.organizationId()))));
    }

    private RepairPlan createNemoTeam(EntityManager em, Finding finding) {
        String team = requireCanonical(finding.entityId());
        String name = single(em, "select coalesce(t.team_alias, t.team_id) from {litellm}.\"LiteLLM_TeamTable\" t"
                + " join {nemo}.organizations n on n.organization_id::text = t.organization_id"
                + " where t.team_id = :id and not exists (select 1 from {nemo}.teams x where x.team_id = cast(:id as uuid))", team)
                .orElseThrow(() -> new IllegalArgumentException("Team " + team + " cannot be created in nemo: "
                        + "its organization is missing from nemo (repair that first), or the team exists by now."));
        return new RepairPlan(finding, RepairChoice.DEFAULT, "Create nemo team " + team + " ('" + name + "')",
                List.of(new RepairStatement("""
                        insert into {nemo}.teams (team_id, organization_id, name, created_at)
                        select cast(t.team_id as uuid), cast(t.organization_id as uuid), coalesce(t.team_alias, t.team_id), now()
                        from {litellm}."LiteLLM_TeamTable" t
                        where t.team_id = :team
                          and not exists (select 1 from {nemo}.teams n where n.team_id = cast(:team as uuid))""",
                        parameters("team", team))),
                List.of(), List.of(), List.of(AuditEntry.created("nemo.teams", team,
                object("team_id", team, "name", name, "organization_id", finding.organizationId()))));
    }

    private RepairPlan alignTeamOrganization(EntityManager em, Finding finding, RepairChoice choice) {
        String team = finding.entityId();
        String nemoOrg = finding.organizationId();
        String liteLlmOrg = finding.related().get(0);
        if (choice == RepairChoice.NEMO_IS_RIGHT) {
            single(em, "select l.organization_id from {litellm}.\"LiteLLM_OrganizationTable\" l where l.organization_id = :id", nemoOrg)
                    .orElseThrow(() -> new IllegalArgumentException("Organization " + nemoOrg
                            + " is missing from LiteLLM: create it there first."));
            return new RepairPlan(finding, choice, "Set LiteLLM team " + team + "'s organization to " + nemoOrg
                    + " (as in nemo)", List.of(new RepairStatement("""
                    update {litellm}."LiteLLM_TeamTable" set organization_id = :org, updated_at = %s
                    where team_id = :team and organization_id = :old""".formatted(UTC_NOW),
                    parameters("org", nemoOrg, "team", team, "old", liteLlmOrg))),
                    List.of(), List.of(), List.of(AuditEntry.updated("LiteLLM_TeamTable", team,
                    object("organization_id", liteLlmOrg), object("organization_id", nemoOrg))));
        }
        single(em, "select n.name from {nemo}.organizations n where n.organization_id::text = :id", liteLlmOrg)
                .orElseThrow(() -> new IllegalArgumentException("Organization " + liteLlmOrg
                        + " is missing from nemo: create it there first."));
        return new RepairPlan(finding, choice, "Set nemo team " + team + "'s organization to " + liteLlmOrg
                + " (as in LiteLLM)", List.of(new RepairStatement("""
                update {nemo}.teams set organization_id = cast(:org as uuid)
                where team_id = cast(:team as uuid) and organization_id = cast(:old as uuid)""",
                parameters("org", liteLlmOrg, "team", team, "old", nemoOrg))),
                List.of(), List.of(), List.of(AuditEntry.updated("nemo.teams", team,
                object("organization_id", nemoOrg), object("organization_id", liteLlmOrg))));
    }

    private RepairPlan addTeamsEntry(EntityManager em, Finding finding) {
        String user = finding.entityId();
        String team = finding.related().get(0);
        requireRosterMember(em, team, user);
        return new RepairPlan(finding, RepairChoice.DEFAULT, "Add team " + team + " to user " + user
                + "'s LiteLLM_UserTable.teams", List.of(new RepairStatement("""
                update {litellm}."LiteLLM_UserTable" set teams = array_append(coalesce(teams, '{}'), :team), updated_at = %s
                where user_id = :user and array_position(coalesce(teams, '{}'), :team) is null""".formatted(UTC_NOW),
                parameters("team", team, "user", user))),
                List.of(team), List.of(user), List.of(AuditEntry.updated("LiteLLM_UserTable", user,
                object("user_id", user), object("user_id", user, "added_team", team))));
    }

    private RepairPlan addTeamMembership(EntityManager em, Finding finding) {
        String user = finding.entityId();
        String team = finding.related().get(0);
        requireRosterMember(em, team, user);
        return new RepairPlan(finding, RepairChoice.DEFAULT, "Add the LiteLLM_TeamMembership row of user " + user
                + " in team " + team, List.of(new RepairStatement("""
                insert into {litellm}."LiteLLM_TeamMembership" (user_id, team_id, spend)
                select :user, :team, 0
                where not exists (select 1 from {litellm}."LiteLLM_TeamMembership" m where m.user_id = :user and m.team_id = :team)""",
                parameters("user", user, "team", team))),
                List.of(team), List.of(user), List.of(AuditEntry.created("LiteLLM_TeamMembership",
                AuditEntry.compositeId(team, user), object("user_id", user, "team_id", team))));
    }

    private void requireRosterMember(EntityManager em, String team, String user) {
        Object found = em.createNativeQuery("""
                select count(*) from {litellm}."LiteLLM_TeamTable" t
                where t.team_id = :team and jsonb_typeof(t.members_with_roles) = 'array'
                  and t.members_with_roles @> jsonb_build_array(jsonb_build_object('user_id', cast(:user as text)))
                  and exists (select 1 from {litellm}."LiteLLM_UserTable" u where u.user_id = :user)""")
                .setParameter("team", team).setParameter("user", user).getSingleResult();
        if (((Number) found).longValue() == 0) {
            throw new IllegalArgumentException("User " + user + " is no longer on the roster of team " + team + ".");
        }
    }

    /** Lowercases one id everywhere LiteLLM stores it (SpendLogs, history, is left as it was). */
    @SuppressWarnings("unchecked")
    private RepairPlan lowercase(EntityManager em, Finding finding) {
        String value = finding.entityId();
        String lower = canonical(value);
        String type = finding.entityType();
        String table = switch (type) {
            case "organization" -> "LiteLLM_OrganizationTable\" where organization_id";
            case "team" -> "LiteLLM_TeamTable\" where team_id";
            default -> "LiteLLM_UserTable\" where user_id";
        };
        long clashes = ((Number) em.createNativeQuery("select count(*) from {litellm}.\"" + table + " = :lower"
                + " and exists (select 1 from {litellm}.\"" + table + " = :value)")
                .setParameter("lower", lower).setParameter("value", value).getSingleResult()).longValue();
        if (clashes > 0) {
            throw new IllegalArgumentException(type + " " + lower + " exists in both spellings: merging them is a "
                    + "decision, not a safe repair.");
        }
        Map<String, Object> ids = parameters("value", value, "lower", lower);
        List<RepairStatement> statements = new ArrayList<>();
        List<String> lockTeams = new ArrayList<>();
        List<String> lockUsers = new ArrayList<>();
        List<AuditEntry> audit = new ArrayList<>();
        switch (type) {
            case "organization" -> {
                // The foreign keys cascade the new id to teams, users, memberships and keys (ON UPDATE CASCADE).
                statements.add(new RepairStatement("update {litellm}.\"LiteLLM_OrganizationTable\" set organization_id = :lower,"
                        + " updated_at = " + UTC_NOW + " where organization_id = :value", ids));
                for (String child : List.of("LiteLLM_TeamTable", "LiteLLM_OrganizationMembership", "LiteLLM_VerificationToken",
                        "LiteLLM_UserTable")) {
                    statements.add(new RepairStatement("update {litellm}.\"" + child + "\" set updated_at = " + UTC_NOW
                            + " where organization_id = :lower and exists (select 1 from {litellm}.\"LiteLLM_OrganizationTable\""
                            + " o where o.organization_id = :lower)", parameters("lower", lower)));
                }
                audit.add(AuditEntry.updated("LiteLLM_OrganizationTable", lower, object("organization_id", value),
                        object("organization_id", lower)));
            }
            case "team" -> {
                lockTeams.addAll(List.of(value, lower));
                lockUsers.addAll((List<String>) em.createNativeQuery("select u.user_id from {litellm}.\"LiteLLM_UserTable\" u"
                        + " where array_position(u.teams, :value) is not null").setParameter("value", value).getResultList());
                statements.add(new RepairStatement("update {litellm}.\"LiteLLM_TeamTable\" set team_id = :lower, updated_at = "
                        + UTC_NOW + " where team_id = :value", ids));
                statements.add(new RepairStatement("update {litellm}.\"LiteLLM_TeamMembership\" set team_id = :lower"
                        + " where team_id = :value", ids));
                statements.add(new RepairStatement("update {litellm}.\"LiteLLM_VerificationToken\" set team_id = :lower,"
                        + " updated_at = " + UTC_NOW + " where team_id = :value", ids));
                statements.add(new RepairStatement("update {litellm}.\"LiteLLM_UserTable\" set teams = array_replace(teams, :value, :lower),"
                        + " updated_at = " + UTC_NOW + " where array_position(teams, :value) is not null", ids));
                audit.add(AuditEntry.updated("LiteLLM_TeamTable", lower, object("team_id", value), object("team_id", lower)));
            }
            default -> {
                lockTeams.addAll((List<String>) em.createNativeQuery("select t.team_id from {litellm}.\"LiteLLM_TeamTable\" t"
                        + " where jsonb_typeof(t.members_with_roles) = 'array' and t.members_with_roles"
                        + " @> jsonb_build_array(jsonb_build_object('user_id', cast(:value as text)))")
                        .setParameter("value", value).getResultList());
                lockUsers.add(value);
                // OrganizationMembership follows through its foreign key (ON UPDATE CASCADE).
                statements.add(new RepairStatement("update {litellm}.\"LiteLLM_UserTable\" set user_id = :lower, updated_at = "
                        + UTC_NOW + " where user_id = :value", ids));
                statements.add(new RepairStatement("update {litellm}.\"LiteLLM_OrganizationMembership\" set updated_at = "
                        + UTC_NOW + " where user_id = :lower and exists (select 1 from {litellm}.\"LiteLLM_UserTable\" u"
                        + " where u.user_id = :lower)", parameters("lower", lower)));
                statements.add(new RepairStatement("update {litellm}.\"LiteLLM_TeamMembership\" set user_id = :lower"
                        + " where user_id = :value", ids));
                statements.add(new RepairStatement("update {litellm}.\"LiteLLM_VerificationToken\" set user_id = :lower,"
                        + " updated_at = " + UTC_NOW + " where user_id = :value", ids));
                statements.add(new RepairStatement("""
                        update {litellm}."LiteLLM_TeamTable" t
                        set members_with_roles = (select jsonb_agg(case when e.member ->> 'user_id' = :value
                                                                        then jsonb_set(e.member, '{user_id}', to_jsonb(cast(:lower as text)))
                                                                        else e.member end order by e.position)
                                                  from jsonb_array_elements(t.members_with_roles) with ordinality e(member, position)),
                            updated_at = %s
                        where jsonb_typeof(t.members_with_roles) = 'array'
                          and t.members_with_roles @> jsonb_build_array(jsonb_build_object('user_id', cast(:value as text)))"""
                        .formatted(UTC_NOW), ids));
                audit.add(AuditEntry.updated("LiteLLM_UserTable", lower, object("user_id", value), object("user_id", lower)));
                for (String team : lockTeams) {
                    audit.add(AuditEntry.updated("LiteLLM_TeamTable", team, object("member_user_id", value),
                            object("member_user_id", lower)));
                }
            }
        }
        return new RepairPlan(finding, RepairChoice.DEFAULT, "Lowercase " + type + " id " + value + " to " + lower
                + " everywhere LiteLLM stores it", statements, lockTeams, lockUsers, audit);
    }

    private static Optional<String> single(EntityManager em, String sql, String id) {
        List<?> rows = em.createNativeQuery(sql).setParameter("id", id).getResultList();
        return rows.isEmpty() ? Optional.empty() : Optional.ofNullable((String) rows.get(0));
    }

    private static String canonical(String id) {
        return Ids.asUuid(id).map(UUID::toString)
                .orElseThrow(() -> new IllegalArgumentException(id + " is not a UUID: no safe repair."));
    }

    private static String requireCanonical(String id) {
        if (!Ids.isCanonicalUuid(id)) {
            throw new IllegalArgumentException(id + " is not a lowercase canonical UUID: repair non_canonical_id first.");
        }
        return id;
    }

    private static Map<String, Object> parameters(Object... namesAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            map.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return map;
    }

    private String object(String... namesAndValues) {
        ObjectNode node = json.createObjectNode();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            node.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return node.toString();
    }
}
