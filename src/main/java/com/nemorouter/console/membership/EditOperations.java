package com.nemorouter.console.membership;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.nemorouter.console.audit.AuditEntry;
import com.nemorouter.console.connection.SqlRows;
import com.nemorouter.console.membership.MembershipEdit.Scope;
import com.nemorouter.console.membership.RosterWrites.RosterEntry;

import jakarta.persistence.EntityManager;


/**
 * The steps of each membership edit inside its transaction, in LiteLLM's order: check the target, take
 * the locks (through {@link UserResolver#members} or directly), re-read what the edit depends on under
 * them, refuse what is not allowed, then write ({@link RosterWrites}). Returns the audit entries of every
 * changed row; the caller owns the transaction, the dry run and the audit trail.
 */
final class EditOperations {

    private final EntityManager em;
    private final MembershipEdit edit;
    private final RosterLocks locks;
    private final RosterWrites rows;
    private final UserResolver users;
    private final List<AuditEntry> changes = new ArrayList<>();

    EditOperations(EntityManager em, MembershipEdit edit, RosterLocks locks, RosterWrites rows) {
        this.em = em;
        this.edit = edit;
        this.locks = locks;
        this.rows = rows;
        this.users = new UserResolver(em, locks, rows);
    }

    /** Runs the edit; throws {@link EditRefused} (the caller rolls back) for what cannot be done. */
    List<AuditEntry> run() {
        String target = edit.targetId();
        if (edit.scope() == Scope.ORGANIZATION) {
            requireOrganization(target);
            switch (edit.operation()) {
                case ADD -> organizationAdd(target);
                case ROLE -> organizationRole(target);
                case REMOVE -> organizationRemove(target);
            }
        } else {
            String org = teamOrganization(target);
            switch (edit.operation()) {
                case ADD -> teamAdd(target, org);
                case ROLE -> teamRole(target);
                case REMOVE -> changes.addAll(rows.removeFromTeam(target,
                        EditUser.ids(users.members(edit.users(), target, true, List.of(target)))));
            }
        }
        return List.copyOf(changes);
    }

    // ---- organization ---------------------------------------------------------------------------

    private void organizationAdd(String org) {
        List<EditUser> added = users.supabaseUsers(edit.users());
        List<String> inUserTable = locks.lock(em, List.of(), EditUser.ids(added));
        List<String> already = rows.organizationMemberIds(org, EditUser.ids(added));
        if (!already.isEmpty()) {
            throw new EditRefused("already a member of organization " + org + ": " + String.join(", ", already));
        }
        addToOrganization(org, added, edit.role(), inUserTable);
    }

    /** @param inUserTable the users that have a LiteLLM_UserTable row (locked, so it stays) */
    private void addToOrganization(String org, List<EditUser> added, String role, List<String> inUserTable) {
        changes.addAll(rows.ensureUsers(withoutRow(added, inUserTable)));
        changes.addAll(rows.addOrganizationMembers(org, EditUser.ids(added), role));
    }

    /** The users without a LiteLLM_UserTable row: only those need one created (one statement fewer otherwise). */
    private static List<EditUser> withoutRow(List<EditUser> users, List<String> inUserTable) {
        return users.stream().filter(user -> !inUserTable.contains(user.id())).toList();
    }

    private void organizationRole(String org) {
        List<String> ids = EditUser.ids(users.members(edit.users(), org, false, List.of()));
        changes.addAll(rows.setOrganizationRole(org, ids, edit.role(), rows.organizationMembers(org, ids)));
    }

    private void organizationRemove(String org) {
        List<String> orgTeams = edit.includeTeams() ? rows.organizationTeams(org) : List.of();
        List<String> ids = EditUser.ids(users.members(edit.users(), org, false, orgTeams));
        Map<String, String> before = rows.organizationMembers(org, ids);
        if (!orgTeams.isEmpty()) {
            Map<String, List<String>> byTeam = new LinkedHashMap<>();
            for (RosterEntry entry : rows.onRosters(orgTeams, ids)) {
                List<String> teamUsers = byTeam.computeIfAbsent(entry.teamId(), team -> new ArrayList<>());
                if (!teamUsers.contains(entry.userId())) {
                    teamUsers.add(entry.userId());
                }
            }
            // Team by team in team_id order (onRosters sorts), as the locks were taken.
            byTeam.forEach((team, teamUsers) -> changes.addAll(rows.removeFromTeam(team, teamUsers)));
        }
        changes.addAll(rows.removeOrganizationMembers(org, ids, before));
    }

    // ---- team -----------------------------------------------------------------------------------

    private void teamAdd(String team, String org) {
        List<EditUser> added = users.supabaseUsers(edit.users());
        List<String> inUserTable = locks.lock(em, List.of(team), EditUser.ids(added));
        RosterWrites.Memberships memberships = rows.teamAddMemberships(team, org, EditUser.ids(added));
        List<String> already = memberships.alreadyOnRoster();
        if (!already.isEmpty()) {
            throw new EditRefused("already a member of team " + team + ": " + String.join(", ", already));
        }
        if (org != null) {
            List<String> inOrg = memberships.organizationMembers();
            List<EditUser> outside = added.stream().filter(user -> !inOrg.contains(user.id())).toList();
            if (!outside.isEmpty()) {
                if (!edit.addToOrganization()) {
                    throw new EditRefused.NotInOrganization(org, EditUser.ids(outside));
                }
                addToOrganization(org, outside, MembershipEdit.DEFAULT_ORGANIZATION_ROLE, inUserTable);
            }
        }
        changes.addAll(rows.ensureUsers(withoutRow(added, inUserTable)));
        changes.addAll(rows.addToTeam(team, added, edit.role()));
    }

    private void teamRole(String team) {
        List<String> ids = EditUser.ids(users.members(edit.users(), team, true, List.of(team)));
        changes.addAll(rows.setTeamRole(team, ids, edit.role()));
    }

    // ---- targets --------------------------------------------------------------------------------

    private void requireOrganization(String org) {
        long found = SqlRows.select(em, """
                select count(*) from {litellm}."LiteLLM_OrganizationTable" o where o.organization_id = :org""", Long.class)
                .setParameter("org", org).getSingleResult();
        if (found == 0) {
            throw new EditRefused("unknown organization " + org + " (no LiteLLM_OrganizationTable row)");
        }
    }

    /** The team's LiteLLM organization (null when it has none). */
    private String teamOrganization(String team) {
        List<String> found = SqlRows.select(em, """
                select coalesce(t.organization_id, '') from {litellm}."LiteLLM_TeamTable" t where t.team_id = :team""",
                String.class).setParameter("team", team).getResultList();
        if (found.isEmpty()) {
            throw new EditRefused("unknown team " + team + " (no LiteLLM_TeamTable row)");
        }
        return found.get(0).isEmpty() ? null : found.get(0);
    }
}
