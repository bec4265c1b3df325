package com.nemorouter.console.membership;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.nemorouter.console.audit.AuditEntry;
import com.nemorouter.console.audit.AuditRows;
import com.nemorouter.console.connection.LiteLlmColumns;
import com.nemorouter.console.connection.SqlRows;
import com.nemorouter.console.persistence.litellm.Rosters;

import jakarta.persistence.EntityManager;

import org.hibernate.query.NativeQuery;

/**
 * The membership rows as LiteLLM writes them ({@code litellm-tables.md}, "What LiteLLM writes"): the org
 * membership, all three team copies ({@code members_with_roles}, {@code LiteLLM_UserTable.teams},
 * {@code LiteLLM_TeamMembership}) and key archiving, each as one set-based statement whose number does not
 * grow with the number of users, returning the audit entries of what it changed (whole rows, as LiteLLM's
 * audit log records them). Also the reads those writes depend on, which must run under the locks. An
 * update reads the whole rows before it in the same statement (a {@code before} CTE), so recording what
 * it changed costs no statement of its own.
 *
 * <p>These stay native SQL rather than entity writes with a lock mode: LiteLLM's protocol locks user rows
 * in {@code user_id} order after the advisory locks ({@link RosterLocks}), and the writes are bulk
 * statements whose {@code returning} clause yields the audit rows; entity writes would load every row,
 * write one statement per row in Hibernate's flush order and need extra reads for the audit JSON.
 *
 * <p>Every method runs in the caller's transaction; the caller holds the locks.
 */
final class RosterWrites {

    private static final String USERS = "LiteLLM_UserTable";
    private static final String ORG_MEMBERS = "LiteLLM_OrganizationMembership";
    private static final String TEAMS = "LiteLLM_TeamTable";
    private static final String TEAM_MEMBERS = "LiteLLM_TeamMembership";
    private static final String KEYS = "LiteLLM_VerificationToken";
    private static final String ARCHIVED_KEYS = "LiteLLM_DeletedVerificationToken";
    /** The archive's own columns, filled by the archiving statement rather than copied. */
    private static final Set<String> ARCHIVE_OWN_COLUMNS = Set.of("id", "deleted_at", "deleted_by",
            "deleted_by_api_key", "litellm_changed_by");

    /** Whole rows, as LiteLLM's audit log records them (AuditRows). */
    private static final String USER_JSON = AuditRows.jsonb("u");
    private static final String MEMBER_JSON = AuditRows.jsonb("m");
    private static final String KEY_JSON = AuditRows.jsonb("k");
    private static final String TEAM_JSON = AuditRows.jsonb("t");

    /** One row's id (a user id or key token) and its whole row as audit JSON. */
    record IdRow(String id, String json) {

        /** By id, case-insensitively: audit entries come out in a stable order whatever the plan did. */
        static List<IdRow> sorted(List<IdRow> rows) {
            List<IdRow> sorted = new ArrayList<>(rows);
            sorted.sort(Comparator.comparing(row -> row.id().toLowerCase(Locale.ROOT)));
            return sorted;
        }

        static Map<String, String> byId(List<IdRow> rows) {
            Map<String, String> map = new HashMap<>();
            rows.forEach(row -> map.put(row.id(), row.json()));
            return map;
        }
    }

    /** One updated row: its id and its whole row before and after, as audit JSON. */
    record Change(String id, String before, String after) {
    }

    /** A user on a team's roster. */
    record RosterEntry(String teamId, String userId) {
    }

    private final EntityManager em;
    private final LiteLlmColumns liteLlmColumns;
    private final String archivedBy;
    /** Jackson on first use, not at wiring: its classes are a tenth of a second of every command's start. */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper();
    }

    /**
     * @param liteLlmColumns the columns of LiteLLM's tables in this database (versions differ)
     * @param archivedBy     {@code deleted_by} of archived keys, e.g. {@code nemo-console:alice@ws1}
     */
    RosterWrites(EntityManager em, LiteLlmColumns liteLlmColumns, String archivedBy) {
        this.em = em;
        this.liteLlmColumns = liteLlmColumns;
        this.archivedBy = archivedBy;
    }

    // ---- reads under the lock -------------------------------------------------------------------

    /** Which of {@code ids} are members of organization {@code org}, sorted. */
    List<String> organizationMemberIds(String org, List<String> ids) {
        return query("""
                select m.user_id from {litellm}."LiteLLM_OrganizationMembership" m
                where m.user_id = any(cast(:ids as text[])) and m.organization_id = :org order by m.user_id""", String.class)
                .setParameter("ids", array(ids)).setParameter("org", org).getResultList();
    }

    /** Which of {@code ids} are on team {@code team}'s roster, sorted. */
    List<String> onRoster(String team, List<String> ids) {
        return query("""
                select distinct e.member ->> 'user_id'
                from {litellm}."LiteLLM_TeamTable" t
                cross join lateral jsonb_array_elements(%s) e(member)
                where t.team_id = :team and e.member ->> 'user_id' = any(cast(:ids as text[]))
                order by 1""".formatted(Rosters.members("t")), String.class)
                .setParameter("team", team).setParameter("ids", array(ids)).getResultList();
    }

    /** Who of a team add's users is already on the team's roster, and who is in its organization. */
    record Memberships(String[] onRoster, String[] inOrganization) {

        List<String> alreadyOnRoster() {
            return onRoster == null ? List.of() : List.of(onRoster);
        }

        List<String> organizationMembers() {
            return inOrganization == null ? List.of() : List.of(inOrganization);
        }
    }

    /**
     * {@link #onRoster} and {@link #organizationMemberIds} for a team add in one statement: both are read
     * under the same locks, one right after the other, so one round trip does. With no {@code org} the
     * organization part is empty.
     */
    Memberships teamAddMemberships(String team, String org, List<String> ids) {
        return query("""
                select array(select distinct e.member ->> 'user_id'
                             from {litellm}."LiteLLM_TeamTable" t
                             cross join lateral jsonb_array_elements(%s) e(member)
                             where t.team_id = :team and e.member ->> 'user_id' = any(cast(:ids as text[]))
                             order by 1),
                       array(select m.user_id from {litellm}."LiteLLM_OrganizationMembership" m
                             where m.user_id = any(cast(:ids as text[])) and m.organization_id = cast(:org as text)
                             order by m.user_id)""".formatted(Rosters.members("t")), Memberships.class)
                .setParameter("team", team).setParameter("org", org).setParameter("ids", array(ids))
                .getSingleResult();
    }

    /** Which of {@code ids} are on the rosters of {@code teams}, by team. */
    List<RosterEntry> onRosters(List<String> teams, List<String> ids) {
        return query("""
                select t.team_id, e.member ->> 'user_id'
                from {litellm}."LiteLLM_TeamTable" t
                cross join lateral jsonb_array_elements(%s) e(member)
                where t.team_id = any(cast(:teams as text[])) and e.member ->> 'user_id' = any(cast(:ids as text[]))
                order by t.team_id""".formatted(Rosters.members("t")), RosterEntry.class)
                .setParameter("teams", array(teams)).setParameter("ids", array(ids)).getResultList();
    }

    /** The teams of organization {@code org} in LiteLLM, sorted. */
    List<String> organizationTeams(String org) {
        return query("""
                select t.team_id from {litellm}."LiteLLM_TeamTable" t where t.organization_id = :org
                order by t.team_id""", String.class).setParameter("org", org).getResultList();
    }

    /** The org memberships of {@code ids} as audit JSON, by user id. */
    Map<String, String> organizationMembers(String org, List<String> ids) {
        return IdRow.byId(query("""
                select m.user_id, cast(%s as text) from {litellm}."LiteLLM_OrganizationMembership" m
                where m.user_id = any(cast(:ids as text[])) and m.organization_id = :org""".formatted(MEMBER_JSON), IdRow.class)
                .setParameter("ids", array(ids)).setParameter("org", org).getResultList());
    }

    // ---- organization ---------------------------------------------------------------------------

    List<AuditEntry> addOrganizationMembers(String org, List<String> ids, String role) {
        List<IdRow> rows = query("""
                insert into {litellm}."LiteLLM_OrganizationMembership" as m
                    (user_id, organization_id, user_role, spend, created_at, updated_at)
                select i, :org, :role, 0, timezone('utc', now()), timezone('utc', now())
                from unnest(cast(:ids as text[])) i
                returning m.user_id, cast(%s as text)""".formatted(MEMBER_JSON), IdRow.class)
                .setParameter("org", org).setParameter("role", role).setParameter("ids", array(ids))
                .getResultList();
        return IdRow.sorted(rows).stream()
                .map(row -> AuditEntry.created(ORG_MEMBERS, AuditEntry.compositeId(org, row.id()), row.json())).toList();
    }

    /** Sets the role of {@code ids} in {@code org}; {@code before} are their memberships as read under the lock. */
    List<AuditEntry> setOrganizationRole(String org, List<String> ids, String role, Map<String, String> before) {
        List<IdRow> rows = query("""
                update {litellm}."LiteLLM_OrganizationMembership" as m
                set user_role = :role, updated_at = timezone('utc', now())
                where m.user_id = any(cast(:ids as text[])) and m.organization_id = :org
                returning m.user_id, cast(%s as text)""".formatted(MEMBER_JSON), IdRow.class)
                .setParameter("role", role).setParameter("org", org).setParameter("ids", array(ids))
                .getResultList();
        return IdRow.sorted(rows).stream().map(row -> AuditEntry.updated(ORG_MEMBERS,
                AuditEntry.compositeId(org, row.id()), before.get(row.id()), row.json())).toList();
    }

    /** Deletes the memberships of {@code ids} in {@code org}; {@code before} as read under the lock. */
    List<AuditEntry> removeOrganizationMembers(String org, List<String> ids, Map<String, String> before) {
        em.createNativeQuery("""
                delete from {litellm}."LiteLLM_OrganizationMembership" m
                where m.user_id = any(cast(:ids as text[])) and m.organization_id = :org""")
                .setParameter("ids", array(ids)).setParameter("org", org).executeUpdate();
        List<AuditEntry> changes = new ArrayList<>();
        for (String id : new TreeSet<>(before.keySet())) {
            changes.add(AuditEntry.deleted(ORG_MEMBERS, AuditEntry.compositeId(org, id), before.get(id)));
        }
        return changes;
    }

    // ---- users ----------------------------------------------------------------------------------

    /** Creates the missing LiteLLM users with LiteLLM's defaults for a new internal user. */
    List<AuditEntry> ensureUsers(List<EditUser> users) {
        if (users.isEmpty()) {
            return List.of();
        }
        ArrayNode rows = Json.MAPPER.createArrayNode();
        users.forEach(user -> rows.addObject().put("user_id", user.id()).put("user_email", user.email()));
        List<IdRow> created = query("""
                insert into {litellm}."LiteLLM_UserTable" as u
                    (user_id, user_email, user_role, teams, spend, metadata, model_spend, model_max_budget,
                     created_at, updated_at)
                select r ->> 'user_id', r ->> 'user_email', 'internal_user', '{}', 0, '{}', '{}', '{}',
                       timezone('utc', now()), timezone('utc', now())
                from jsonb_array_elements(cast(:rows as jsonb)) r
                on conflict (user_id) do nothing
                returning u.user_id, cast(%s as text)""".formatted(USER_JSON), IdRow.class)
                .setParameter("rows", rows.toString()).getResultList();
        return IdRow.sorted(created).stream().map(row -> AuditEntry.created(USERS, row.id(), row.json())).toList();
    }

    // ---- team -----------------------------------------------------------------------------------

    /**
     * Adds {@code users} to the team's three copies: {@code LiteLLM_UserTable.teams}, a
     * {@code LiteLLM_TeamMembership} row each, and a roster entry each with {@code role}. The users exist.
     */
    List<AuditEntry> addToTeam(String team, List<EditUser> users, String role) {
        String[] ids = array(EditUser.ids(users));
        List<AuditEntry> changes = new ArrayList<>();
        changes.addAll(updateUsers("""
                set teams = array_append(coalesce(u.teams, '{}'), cast(:team as text)),
                    updated_at = timezone('utc', now())""",
                "not (cast(:team as text) = any(coalesce(u.teams, '{}')))", team, ids));
        List<IdRow> memberships = query("""
                insert into {litellm}."LiteLLM_TeamMembership" as m (user_id, team_id, spend)
                select i, :team, 0 from unnest(cast(:ids as text[])) i
                on conflict (user_id, team_id) do nothing
                returning m.user_id, cast(%s as text)""".formatted(MEMBER_JSON), IdRow.class)
                .setParameter("team", team).setParameter("ids", ids).getResultList();
        for (IdRow row : IdRow.sorted(memberships)) {
            changes.add(AuditEntry.created(TEAM_MEMBERS, AuditEntry.compositeId(team, row.id()), row.json()));
        }
        ArrayNode entries = Json.MAPPER.createArrayNode();
        for (EditUser user : users) {
            entries.addObject().put("user_id", user.id()).put("user_email", user.email()).put("role", role);
        }
        changes.add(rewriteRoster(team, Rosters.members("t") + " || cast(:entries as jsonb)",
                Map.of("entries", entries.toString())));
        return changes;
    }

    /** Sets the role of {@code ids} on the team's roster. */
    List<AuditEntry> setTeamRole(String team, List<String> ids, String role) {
        return List.of(rewriteRoster(team, """
                (select coalesce(jsonb_agg(case when e.member ->> 'user_id' = any(cast(:ids as text[]))
                                                then jsonb_set(e.member, '{role}', to_jsonb(cast(:role as text)))
                                                else e.member end order by e.position), '[]'::jsonb)
                 from jsonb_array_elements(t.members_with_roles) with ordinality e(member, position))""",
                Map.of("ids", array(ids), "role", role)));
    }

    /**
     * Removes {@code ids} from one team's three copies and archives then deletes their keys of that team,
     * as newest LiteLLM does.
     */
    List<AuditEntry> removeFromTeam(String team, List<String> userIds) {
        String[] ids = array(userIds);
        List<AuditEntry> changes = new ArrayList<>();
        changes.add(rewriteRoster(team, """
                (select coalesce(jsonb_agg(e.member order by e.position)
                                 filter (where (e.member ->> 'user_id') is null
                                            or not (e.member ->> 'user_id' = any(cast(:ids as text[])))),
                                 '[]'::jsonb)
                 from jsonb_array_elements(%s) with ordinality e(member, position))""".formatted(Rosters.members("t")),
                Map.of("ids", ids)));
        changes.addAll(updateUsers("""
                set teams = array_remove(u.teams, cast(:team as text)), updated_at = timezone('utc', now())""",
                "cast(:team as text) = any(u.teams)", team, ids));
        List<IdRow> memberships = query("""
                delete from {litellm}."LiteLLM_TeamMembership" m
                where m.user_id = any(cast(:ids as text[])) and m.team_id = :team
                returning m.user_id, cast(%s as text)""".formatted(MEMBER_JSON), IdRow.class)
                .setParameter("team", team).setParameter("ids", ids).getResultList();
        for (IdRow row : IdRow.sorted(memberships)) {
            changes.add(AuditEntry.deleted(TEAM_MEMBERS, AuditEntry.compositeId(team, row.id()), row.json()));
        }
        // The columns both tables have in this database (LiteLLM versions differ), from the catalog.
        String keyColumns = String.join(", ", liteLlmColumns.shared(KEYS, ARCHIVED_KEYS, ARCHIVE_OWN_COLUMNS)
                .stream().map(RosterWrites::quoteIdentifier).toList());
        em.createNativeQuery("""
                insert into {litellm}."LiteLLM_DeletedVerificationToken"
                    (id, %1$s, deleted_at, deleted_by, litellm_changed_by)
                select gen_random_uuid()::text, %1$s, timezone('utc', now()), :by, :by
                from {litellm}."LiteLLM_VerificationToken"
                where team_id = :team and user_id = any(cast(:ids as text[]))""".formatted(keyColumns))
                .setParameter("team", team).setParameter("ids", ids)
                .setParameter("by", archivedBy).executeUpdate();
        List<IdRow> keys = query("""
                delete from {litellm}."LiteLLM_VerificationToken" k
                where k.team_id = :team and k.user_id = any(cast(:ids as text[]))
                returning k.token, cast(%s as text)""".formatted(KEY_JSON), IdRow.class)
                .setParameter("team", team).setParameter("ids", ids).getResultList();
        for (IdRow row : IdRow.sorted(keys)) {
            changes.add(AuditEntry.deleted(KEYS, row.id(), row.json()));
        }
        return changes;
    }

    /**
     * Rewrites the roster from its current value under the lock ({@code t} is the team row), reading the
     * whole row before and after in the same statement: the {@code before} CTE sees the row as the update
     * found it, which is what a separate read just before would see under the team's advisory lock, one
     * round trip and one index lookup fewer.
     */
    private AuditEntry rewriteRoster(String team, String newRoster, Map<String, Object> parameters) {
        NativeQuery<Change> update = query("""
                with before as (
                    select t.team_id, cast(%2$s as text) as row from {litellm}."LiteLLM_TeamTable" t where t.team_id = :team)
                update {litellm}."LiteLLM_TeamTable" as t
                set members_with_roles = %1$s, updated_at = timezone('utc', now())
                from before b
                where t.team_id = b.team_id
                returning t.team_id, b.row, cast(%2$s as text)""".formatted(newRoster, TEAM_JSON), Change.class)
                .setParameter("team", team);
        parameters.forEach(update::setParameter);
        Change change = update.getSingleResult();
        return AuditEntry.updated(TEAMS, team, change.before(), change.after());
    }

    /**
     * Updates the LiteLLM user rows of {@code ids} that match {@code condition} with {@code set} (both
     * over alias {@code u}, with {@code :team} bound), reading each whole row before and after in the same
     * statement (see {@link #rewriteRoster}). Returns the audit entries in user id order.
     */
    private List<AuditEntry> updateUsers(String set, String condition, String team, String[] ids) {
        List<Change> updated = query("""
                with before as (
                    select u.user_id, cast(%3$s as text) as row from {litellm}."LiteLLM_UserTable" u
                    where u.user_id = any(cast(:ids as text[])))
                update {litellm}."LiteLLM_UserTable" as u
                %1$s
                from before b
                where u.user_id = b.user_id and %2$s
                returning u.user_id, b.row, cast(%3$s as text)""".formatted(set, condition, USER_JSON), Change.class)
                .setParameter("team", team).setParameter("ids", ids).getResultList();
        List<Change> sorted = new ArrayList<>(updated);
        sorted.sort(Comparator.comparing(change -> change.id().toLowerCase(Locale.ROOT)));
        return sorted.stream().map(change -> AuditEntry.updated(USERS, change.id(), change.before(), change.after()))
                .toList();
    }

    private <R> NativeQuery<R> query(String sql, Class<R> type) {
        return SqlRows.select(em, sql, type);
    }

    /** A catalog column name as an SQL identifier (LiteLLM's are lower-case, but quote what the catalog says). */
    private static String quoteIdentifier(String column) {
        return "\"" + column.replace("\"", "\"\"") + "\"";
    }

    static String[] array(List<String> values) {
        return values.toArray(String[]::new);
    }
}
