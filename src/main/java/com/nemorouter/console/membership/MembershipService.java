package com.nemorouter.console.membership;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.nemorouter.console.audit.AuditEntry;
import com.nemorouter.console.audit.AuditReceipt;
import com.nemorouter.console.audit.AuditRows;
import com.nemorouter.console.audit.AuditTrail;
import com.nemorouter.console.connection.Database;
import com.nemorouter.console.connection.SchemaReport;
import com.nemorouter.console.presence.Ids;
import com.nemorouter.console.membership.MembershipEdit.Scope;

import jakarta.persistence.EntityManager;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Membership edits written exactly as LiteLLM writes them ({@code litellm-tables.md}, "What LiteLLM
 * writes"): the org membership, all three team copies ({@code members_with_roles},
 * {@code LiteLLM_UserTable.teams}, {@code LiteLLM_TeamMembership}), key archiving on team removal, and one
 * audit row per changed object.
 *
 * <p>Each call of {@link #apply} is ONE transaction on the calling (background) thread. It starts with
 * LiteLLM's locks ({@link RosterLocks}), re-reads every roster and membership under them, and writes with
 * set-based statements whose number does not grow with the number of users. Any failure rolls everything
 * back, audit rows included. A refused edit throws {@link EditRefused}; nothing is written.
 */
public final class MembershipService {

    private static final Logger LOG = LoggerFactory.getLogger(MembershipService.class);

    private static final String USERS = "LiteLLM_UserTable";
    private static final String ORG_MEMBERS = "LiteLLM_OrganizationMembership";
    private static final String TEAMS = "LiteLLM_TeamTable";
    private static final String TEAM_MEMBERS = "LiteLLM_TeamMembership";
    private static final String KEYS = "LiteLLM_VerificationToken";

    /** Whole rows, as LiteLLM's audit log records them (AuditRows). */
    private static final String USER_JSON = AuditRows.jsonb("u");
    private static final String ORG_MEMBER_JSON = AuditRows.jsonb("m");
    private static final String TEAM_MEMBER_JSON = AuditRows.jsonb("m");
    private static final String KEY_JSON = AuditRows.jsonb("k");
    private static final String ARCHIVED_KEYS = "LiteLLM_DeletedVerificationToken";
    /** The archive's own columns, filled by the archiving statement rather than copied. */
    private static final Set<String> ARCHIVE_OWN_COLUMNS = Set.of("id", "deleted_at", "deleted_by",
            "deleted_by_api_key", "litellm_changed_by");

    private final Database database;
    private final RosterLocks locks;
    private final AuditTrail audit;
    private final ObjectMapper json = new ObjectMapper();

    public MembershipService(Database database, RosterLocks locks, AuditTrail audit) {
        this.database = database;
        this.locks = locks;
        this.audit = audit;
    }

    /**
     * Applies {@code edit} in one transaction, or with {@code dryRun} runs the very same statements and
     * rolls them back, so the planned changes are exactly what a real run would write at that moment.
     * Blocking: call it on a background thread.
     *
     * @throws EditRefused for unknown orgs, teams or users and for users who are (not) members already
     * @throws ReadOnlyRefused when the console is in read-only mode
     */
    public EditResult apply(MembershipEdit edit, boolean dryRun) {
        database.readOnlyReason().ifPresent(reason -> {
            throw new ReadOnlyRefused(reason);
        });
        String feature = edit.scope() == Scope.ORGANIZATION ? "organization edits" : "team edits";
        database.schemaReport().features().stream()
                .filter(status -> status.feature().equals(feature))
                .filter(status -> status.availability() == SchemaReport.Availability.UNAVAILABLE)
                .findFirst()
                .ifPresent(status -> {
                    throw new EditUnavailable(feature, status.problems());
                });
        if (dryRun) {
            try {
                database.write(em -> {
                    throw new DryRun(new Edit(em, edit).run());
                });
            } catch (DryRun planned) {
                return new EditResult(edit, planned.changes, true, "");
            }
            throw new IllegalStateException("a dry run always rolls back");
        }
        Committed committed = database.write(em -> {
            List<AuditEntry> changes = new Edit(em, edit).run();
            return new Committed(changes, audit.record(em, changes));
        });
        String auditNote;
        try {
            auditNote = audit.publish(committed.receipt);
        } catch (UncheckedIOException e) {
            // The edit is committed: report the missing audit lines instead of failing what succeeded.
            LOG.error("Committed edit {} could not be appended to the local audit file", edit, e);
            auditNote = "The edit is committed, but its " + committed.receipt.records().size()
                    + " audit records could not be appended to " + committed.receipt.localFile() + ": "
                    + e.getCause().getMessage();
        }
        return new EditResult(edit, committed.changes, false, auditNote);
    }

    private record Committed(List<AuditEntry> changes, AuditReceipt receipt) {
    }

    /** Rolls a dry run back while carrying its planned changes out of the transaction. */
    private static final class DryRun extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient List<AuditEntry> changes;

        DryRun(List<AuditEntry> changes) {
            super("dry run", null, false, false);
            this.changes = changes;
        }
    }

    /** Refused because the console is read-only: a failure (exit 1), not bad input. */
    public static final class ReadOnlyRefused extends IllegalStateException {
        private static final long serialVersionUID = 1L;

        ReadOnlyRefused(String reason) {
            super("The console is in read-only mode (" + reason + "): nothing was written.");
        }
    }

    /** Refused because the schema lacks a table or column the edit writes: a failure (exit 1), not bad input. */
    public static final class EditUnavailable extends IllegalStateException {
        private static final long serialVersionUID = 1L;

        EditUnavailable(String feature, List<String> problems) {
            super("This database does not support " + feature + " (" + String.join("; ", problems)
                    + "): nothing was written.");
        }
    }

    /** A user as resolved from the input: the id LiteLLM rows use and the Supabase email, if any. */
    private record User(String input, String id, String email) {
    }

    /** One edit inside its transaction. */
    private final class Edit {
        private final EntityManager em;
        private final MembershipEdit edit;
        private final List<AuditEntry> changes = new ArrayList<>();

        Edit(EntityManager em, MembershipEdit edit) {
            this.em = em;
            this.edit = edit;
        }

        List<AuditEntry> run() {
            if (edit.scope() == Scope.ORGANIZATION) {
                requireOrganization(edit.targetId());
                switch (edit.operation()) {
                    case ADD -> organizationAdd();
                    case ROLE -> organizationRole();
                    case REMOVE -> organizationRemove();
                }
            } else {
                String org = teamOrganization(edit.targetId());
                switch (edit.operation()) {
                    case ADD -> teamAdd(org);
                    case ROLE -> teamRole();
                    case REMOVE -> removeFromTeam(edit.targetId(), members(edit.targetId(), true, List.of(edit.targetId())));
                }
            }
            return List.copyOf(changes);
        }

        // ---- organization -------------------------------------------------------------------------

        private void organizationAdd() {
            List<User> users = supabaseUsers();
            String org = edit.targetId();
            locks.lock(em, List.of(), ids(users));
            List<String> already = strings(em.createNativeQuery("""
                    select m.user_id from {litellm}."LiteLLM_OrganizationMembership" m
                    where m.user_id = any(cast(:ids as text[])) and m.organization_id = :org order by m.user_id""")
                    .setParameter("ids", array(ids(users))).setParameter("org", org).getResultList());
            if (!already.isEmpty()) {
                throw new EditRefused("already a member of organization " + org + ": " + String.join(", ", already));
            }
            addToOrganization(org, users, edit.role());
        }

        private void addToOrganization(String org, List<User> users, String role) {
            ensureUsers(users);
            List<Object[]> rows = rows(em.createNativeQuery("""
                    insert into {litellm}."LiteLLM_OrganizationMembership" as m
                        (user_id, organization_id, user_role, spend, created_at, updated_at)
                    select i, :org, :role, 0, timezone('utc', now()), timezone('utc', now())
                    from unnest(cast(:ids as text[])) i
                    returning m.user_id, cast(%s as text)""".formatted(ORG_MEMBER_JSON))
                    .setParameter("org", org).setParameter("role", role).setParameter("ids", array(ids(users)))
                    .getResultList());
            for (Object[] row : sortedByFirst(rows)) {
                changes.add(AuditEntry.created(ORG_MEMBERS, AuditEntry.compositeId(org, (String) row[0]), (String) row[1]));
            }
        }

        private void organizationRole() {
            String org = edit.targetId();
            List<User> users = members(org, false, List.of());
            Map<String, String> before = organizationMembers(org, users);
            List<Object[]> rows = rows(em.createNativeQuery("""
                    update {litellm}."LiteLLM_OrganizationMembership" as m
                    set user_role = :role, updated_at = timezone('utc', now())
                    where m.user_id = any(cast(:ids as text[])) and m.organization_id = :org
                    returning m.user_id, cast(%s as text)""".formatted(ORG_MEMBER_JSON))
                    .setParameter("role", edit.role()).setParameter("org", org).setParameter("ids", array(ids(users)))
                    .getResultList());
            for (Object[] row : sortedByFirst(rows)) {
                String id = (String) row[0];
                changes.add(AuditEntry.updated(ORG_MEMBERS, AuditEntry.compositeId(org, id), before.get(id), (String) row[1]));
            }
        }

        private void organizationRemove() {
            String org = edit.targetId();
            List<String> orgTeams = List.of();
            if (edit.includeTeams()) {
                orgTeams = strings(em.createNativeQuery("""
                        select t.team_id from {litellm}."LiteLLM_TeamTable" t where t.organization_id = :org
                        order by t.team_id""").setParameter("org", org).getResultList());
            }
            List<User> users = members(org, false, orgTeams);
            Map<String, String> before = organizationMembers(org, users);
            if (!orgTeams.isEmpty()) {
                List<Object[]> onRosters = rows(em.createNativeQuery("""
                        select t.team_id, e.member ->> 'user_id'
                        from {litellm}."LiteLLM_TeamTable" t
                        cross join lateral jsonb_array_elements(case when jsonb_typeof(t.members_with_roles) = 'array'
                            then t.members_with_roles else '[]'::jsonb end) e(member)
                        where t.team_id = any(cast(:teams as text[])) and e.member ->> 'user_id' = any(cast(:ids as text[]))
                        order by t.team_id""")
                        .setParameter("teams", array(orgTeams)).setParameter("ids", array(ids(users))).getResultList());
                Map<String, List<User>> byTeam = new LinkedHashMap<>();
                Map<String, User> byId = new HashMap<>();
                users.forEach(user -> byId.put(user.id(), user));
                for (Object[] row : onRosters) {
                    List<User> teamUsers = byTeam.computeIfAbsent((String) row[0], team -> new ArrayList<>());
                    User user = byId.get((String) row[1]);
                    if (!teamUsers.contains(user)) {
                        teamUsers.add(user);
                    }
                }
                byTeam.forEach(this::removeFromTeam);
            }
            em.createNativeQuery("""
                    delete from {litellm}."LiteLLM_OrganizationMembership" m
                    where m.user_id = any(cast(:ids as text[])) and m.organization_id = :org""")
                    .setParameter("ids", array(ids(users))).setParameter("org", org).executeUpdate();
            for (String id : new TreeSet<>(before.keySet())) {
                changes.add(AuditEntry.deleted(ORG_MEMBERS, AuditEntry.compositeId(org, id), before.get(id)));
            }
        }

        /** The org memberships of {@code users} as audit JSON, by user id (read under the lock). */
        private Map<String, String> organizationMembers(String org, List<User> users) {
            List<Object[]> rows = rows(em.createNativeQuery("""
                    select m.user_id, cast(%s as text) from {litellm}."LiteLLM_OrganizationMembership" m
                    where m.user_id = any(cast(:ids as text[])) and m.organization_id = :org""".formatted(ORG_MEMBER_JSON))
                    .setParameter("ids", array(ids(users))).setParameter("org", org).getResultList());
            Map<String, String> members = new HashMap<>();
            rows.forEach(row -> members.put((String) row[0], (String) row[1]));
            return members;
        }

        // ---- team ---------------------------------------------------------------------------------

        private void teamAdd(String org) {
            String team = edit.targetId();
            List<User> users = supabaseUsers();
            locks.lock(em, List.of(team), ids(users));
            List<String> already = onRoster(team, ids(users));
            if (!already.isEmpty()) {
                throw new EditRefused("already a member of team " + team + ": " + String.join(", ", already));
            }
            if (org != null) {
                List<String> inOrg = strings(em.createNativeQuery("""
                        select m.user_id from {litellm}."LiteLLM_OrganizationMembership" m
                        where m.user_id = any(cast(:ids as text[])) and m.organization_id = :org""")
                        .setParameter("ids", array(ids(users))).setParameter("org", org).getResultList());
                List<User> outside = users.stream().filter(user -> !inOrg.contains(user.id())).toList();
                if (!outside.isEmpty()) {
                    if (!edit.addToOrganization()) {
                        throw new EditRefused.NotInOrganization(org, ids(outside));
                    }
                    addToOrganization(org, outside, MembershipEdit.DEFAULT_ORGANIZATION_ROLE);
                }
            }
            ensureUsers(users);
            Map<String, String> before = userRows(ids(users));
            List<Object[]> updated = rows(em.createNativeQuery("""
                    update {litellm}."LiteLLM_UserTable" as u
                    set teams = array_append(coalesce(u.teams, '{}'), cast(:team as text)),
                        updated_at = timezone('utc', now())
                    where u.user_id = any(cast(:ids as text[])) and not (cast(:team as text) = any(coalesce(u.teams, '{}')))
                    returning u.user_id, cast(%s as text)""".formatted(USER_JSON))
                    .setParameter("team", team).setParameter("ids", array(ids(users))).getResultList());
            recordUserUpdates(before, updated);
            List<Object[]> memberships = rows(em.createNativeQuery("""
                    insert into {litellm}."LiteLLM_TeamMembership" as m (user_id, team_id, spend)
                    select i, :team, 0 from unnest(cast(:ids as text[])) i
                    on conflict (user_id, team_id) do nothing
                    returning m.user_id, cast(%s as text)""".formatted(TEAM_MEMBER_JSON))
                    .setParameter("team", team).setParameter("ids", array(ids(users))).getResultList());
            for (Object[] row : sortedByFirst(memberships)) {
                changes.add(AuditEntry.created(TEAM_MEMBERS, AuditEntry.compositeId(team, (String) row[0]), (String) row[1]));
            }
            ArrayNode entries = json.createArrayNode();
            for (User user : users) {
                entries.addObject().put("user_id", user.id()).put("user_email", user.email()).put("role", edit.role());
            }
            rewriteRoster(team, """
                    (case when jsonb_typeof(t.members_with_roles) = 'array' then t.members_with_roles else '[]'::jsonb end)
                    || cast(:entries as jsonb)""", Map.of("entries", entries.toString()));
        }

        private void teamRole() {
            String team = edit.targetId();
            List<User> users = members(team, true, List.of(team));
            rewriteRoster(team, """
                    (select coalesce(jsonb_agg(case when e.member ->> 'user_id' = any(cast(:ids as text[]))
                                                    then jsonb_set(e.member, '{role}', to_jsonb(cast(:role as text)))
                                                    else e.member end order by e.position), '[]'::jsonb)
                     from jsonb_array_elements(t.members_with_roles) with ordinality e(member, position))""",
                    Map.of("ids", array(ids(users)), "role", edit.role()));
        }

        /**
         * Removes {@code users} from one team's three copies and archives then deletes their keys of that
         * team, as newest LiteLLM does. The caller holds the team's lock.
         */
        private void removeFromTeam(String team, List<User> users) {
            String[] ids = array(ids(users));
            rewriteRoster(team, """
                    (select coalesce(jsonb_agg(e.member order by e.position)
                                     filter (where (e.member ->> 'user_id') is null
                                                or not (e.member ->> 'user_id' = any(cast(:ids as text[])))),
                                     '[]'::jsonb)
                     from jsonb_array_elements(case when jsonb_typeof(t.members_with_roles) = 'array'
                         then t.members_with_roles else '[]'::jsonb end) with ordinality e(member, position))""",
                    Map.of("ids", ids));
            Map<String, String> before = userRows(ids(users));
            List<Object[]> updated = rows(em.createNativeQuery("""
                    update {litellm}."LiteLLM_UserTable" as u
                    set teams = array_remove(u.teams, cast(:team as text)), updated_at = timezone('utc', now())
                    where u.user_id = any(cast(:ids as text[])) and cast(:team as text) = any(u.teams)
                    returning u.user_id, cast(%s as text)""".formatted(USER_JSON))
                    .setParameter("team", team).setParameter("ids", ids).getResultList());
            recordUserUpdates(before, updated);
            List<Object[]> memberships = rows(em.createNativeQuery("""
                    delete from {litellm}."LiteLLM_TeamMembership" m
                    where m.user_id = any(cast(:ids as text[])) and m.team_id = :team
                    returning m.user_id, cast(%s as text)""".formatted(TEAM_MEMBER_JSON))
                    .setParameter("team", team).setParameter("ids", ids).getResultList());
            for (Object[] row : sortedByFirst(memberships)) {
                changes.add(AuditEntry.deleted(TEAM_MEMBERS, AuditEntry.compositeId(team, (String) row[0]), (String) row[1]));
            }
            // The columns both tables have in this database (LiteLLM versions differ), from the catalog.
            String keyColumns = String.join(", ", database.liteLlmColumns().shared(KEYS, ARCHIVED_KEYS, ARCHIVE_OWN_COLUMNS)
                    .stream().map(MembershipService::quoteIdentifier).toList());
            em.createNativeQuery("""
                    insert into {litellm}."LiteLLM_DeletedVerificationToken"
                        (id, %1$s, deleted_at, deleted_by, litellm_changed_by)
                    select gen_random_uuid()::text, %1$s, timezone('utc', now()), :by, :by
                    from {litellm}."LiteLLM_VerificationToken"
                    where team_id = :team and user_id = any(cast(:ids as text[]))""".formatted(keyColumns))
                    .setParameter("team", team).setParameter("ids", ids)
                    .setParameter("by", "nemo-console:" + audit.operator()).executeUpdate();
            List<Object[]> keys = rows(em.createNativeQuery("""
                    delete from {litellm}."LiteLLM_VerificationToken" k
                    where k.team_id = :team and k.user_id = any(cast(:ids as text[]))
                    returning k.token, cast(%s as text)""".formatted(KEY_JSON))
                    .setParameter("team", team).setParameter("ids", ids).getResultList());
            for (Object[] row : sortedByFirst(keys)) {
                changes.add(AuditEntry.deleted(KEYS, (String) row[0], (String) row[1]));
            }
        }

        /** Rewrites the roster from its current value under the lock ({@code t} is the team row). */
        private void rewriteRoster(String team, String newRoster, Map<String, Object> parameters) {
            String before = (String) em.createNativeQuery("""
                    select cast(%s as text) from {litellm}."LiteLLM_TeamTable" t where t.team_id = :team"""
                    .formatted(AuditRows.jsonb("t")))
                    .setParameter("team", team).getSingleResult();
            var update = em.createNativeQuery("""
                    update {litellm}."LiteLLM_TeamTable" as t
                    set members_with_roles = %s, updated_at = timezone('utc', now())
                    where t.team_id = :team
                    returning cast(%s as text)""".formatted(newRoster, AuditRows.jsonb("t")))
                    .setParameter("team", team);
            parameters.forEach(update::setParameter);
            String after = (String) update.getSingleResult();
            changes.add(AuditEntry.updated(TEAMS, team, before, after));
        }

        // ---- users --------------------------------------------------------------------------------

        /** Creates the missing LiteLLM users with LiteLLM's defaults for a new internal user. */
        private void ensureUsers(List<User> users) {
            ArrayNode rows = json.createArrayNode();
            users.forEach(user -> rows.addObject().put("user_id", user.id()).put("user_email", user.email()));
            List<Object[]> created = rows(em.createNativeQuery("""
                    insert into {litellm}."LiteLLM_UserTable" as u
                        (user_id, user_email, user_role, teams, spend, metadata, model_spend, model_max_budget,
                         created_at, updated_at)
                    select r ->> 'user_id', r ->> 'user_email', 'internal_user', '{}', 0, '{}', '{}', '{}',
                           timezone('utc', now()), timezone('utc', now())
                    from jsonb_array_elements(cast(:rows as jsonb)) r
                    on conflict (user_id) do nothing
                    returning u.user_id, cast(%s as text)""".formatted(USER_JSON))
                    .setParameter("rows", rows.toString()).getResultList());
            for (Object[] row : sortedByFirst(created)) {
                changes.add(AuditEntry.created(USERS, (String) row[0], (String) row[1]));
            }
        }

        private Map<String, String> userRows(List<String> ids) {
            List<Object[]> rows = rows(em.createNativeQuery("""
                    select u.user_id, cast(%s as text) from {litellm}."LiteLLM_UserTable" u
                    where u.user_id = any(cast(:ids as text[]))""".formatted(USER_JSON))
                    .setParameter("ids", array(ids)).getResultList());
            Map<String, String> users = new HashMap<>();
            rows.forEach(row -> users.put((String) row[0], (String) row[1]));
            return users;
        }

        private void recordUserUpdates(Map<String, String> before, List<Object[]> updated) {
            for (Object[] row : sortedByFirst(updated)) {
                String id = (String) row[0];
                changes.add(AuditEntry.updated(USERS, id, before.get(id), (String) row[1]));
            }
        }

        /** Resolves every input to a Supabase user (by UUID or email); adds need a real auth user. */
        private List<User> supabaseUsers() {
            List<User> users = new ArrayList<>();
            List<String> unknown = new ArrayList<>();
            for (Object[] row : resolve()) {
                if (row[1] == null) {
                    unknown.add((String) row[0]);
                } else if (users.stream().noneMatch(user -> user.id().equals(row[1]))) {
                    users.add(new User((String) row[0], (String) row[1], (String) row[2]));
                }
            }
            if (!unknown.isEmpty()) {
                throw new EditRefused("unknown user (not in auth.users): " + String.join(", ", unknown));
            }
            return users;
        }

        /**
         * Takes the locks ({@code teamsToLock} and every candidate user row), then resolves every input to
         * the id under which it is a member of {@code owner} (an org, or a team's roster when {@code team}):
         * the Supabase id, else the exact text given (legacy ids such as an uppercase UUID).
         */
        private List<User> members(String owner, boolean team, List<String> teamsToLock) {
            List<Object[]> resolved = resolve();
            Set<String> candidates = new TreeSet<>();
            for (Object[] row : resolved) {
                candidates.add((String) row[0]);
                if (row[1] != null) {
                    candidates.add((String) row[1]);
                }
            }
            locks.lock(em, teamsToLock, candidates);
            Set<String> memberIds = new TreeSet<>(team ? onRoster(owner, List.copyOf(candidates)) : strings(
                    em.createNativeQuery("""
                            select m.user_id from {litellm}."LiteLLM_OrganizationMembership" m
                            where m.user_id = any(cast(:ids as text[])) and m.organization_id = :org""")
                            .setParameter("ids", array(List.copyOf(candidates))).setParameter("org", owner)
                            .getResultList()));
            List<User> users = new ArrayList<>();
            List<String> notMembers = new ArrayList<>();
            for (Object[] row : resolved) {
                String input = (String) row[0];
                String id = row[1] != null && memberIds.contains((String) row[1]) ? (String) row[1]
                        : memberIds.contains(input) ? input : null;
                if (id == null) {
                    notMembers.add(input);
                } else if (users.stream().noneMatch(user -> user.id().equals(id))) {
                    users.add(new User(input, id, (String) row[2]));
                }
            }
            if (!notMembers.isEmpty()) {
                throw new EditRefused("not a member of " + (team ? "team " : "organization ") + owner + ": "
                        + String.join(", ", notMembers));
            }
            return users;
        }

        /** Rows of (input, auth id or null, auth email) in input order: one statement for all inputs. */
        private List<Object[]> resolve() {
            return rows(em.createNativeQuery("""
                    select i.input, cast(a.id as text), a.email
                    from unnest(cast(:inputs as text[])) with ordinality i(input, position)
                    left join lateral (
                        select x.id, x.email from (
                            select au.id, au.email, 0 as rank from {auth}.users au
                            where au.id = case when i.input ~ :uuidPattern then cast(i.input as uuid) end
                            union all
                            select au.id, au.email, 1 from {auth}.users au
                            where lower(au.email) = lower(i.input) and au.email is not null) x
                        order by x.rank limit 1) a on true
                    order by i.position""")
                    .setParameter("inputs", array(edit.users()))
                    .setParameter("uuidPattern", Ids.SQL_UUID_PATTERN)
                    .getResultList());
        }

        private List<String> onRoster(String team, List<String> ids) {
            return strings(em.createNativeQuery("""
                    select distinct e.member ->> 'user_id'
                    from {litellm}."LiteLLM_TeamTable" t
                    cross join lateral jsonb_array_elements(case when jsonb_typeof(t.members_with_roles) = 'array'
                        then t.members_with_roles else '[]'::jsonb end) e(member)
                    where t.team_id = :team and e.member ->> 'user_id' = any(cast(:ids as text[]))
                    order by 1""")
                    .setParameter("team", team).setParameter("ids", array(ids)).getResultList());
        }

        private void requireOrganization(String org) {
            Number found = (Number) em.createNativeQuery("""
                    select count(*) from {litellm}."LiteLLM_OrganizationTable" o where o.organization_id = :org""")
                    .setParameter("org", org).getSingleResult();
            if (found.longValue() == 0) {
                throw new EditRefused("unknown organization " + org + " (no LiteLLM_OrganizationTable row)");
            }
        }

        /** The team's LiteLLM organization (null when it has none). */
        private String teamOrganization(String team) {
            List<?> rows = em.createNativeQuery("""
                    select coalesce(t.organization_id, '') from {litellm}."LiteLLM_TeamTable" t where t.team_id = :team""")
                    .setParameter("team", team).getResultList();
            if (rows.isEmpty()) {
                throw new EditRefused("unknown team " + team + " (no LiteLLM_TeamTable row)");
            }
            String org = (String) rows.get(0);
            return org.isEmpty() ? null : org;
        }
    }

    /** A catalog column name as an SQL identifier (LiteLLM's are lower-case, but quote what the catalog says). */
    private static String quoteIdentifier(String column) {
        return "\"" + column.replace("\"", "\"\"") + "\"";
    }

    private static List<String> ids(List<User> users) {
        return users.stream().map(User::id).toList();
    }

    private static String[] array(List<String> values) {
        return values.toArray(String[]::new);
    }

    @SuppressWarnings("unchecked")
    private static List<Object[]> rows(List<?> result) {
        return (List<Object[]>) result;
    }

    private static List<String> strings(List<?> result) {
        return result.stream().map(String.class::cast).toList();
    }

    private static List<Object[]> sortedByFirst(List<Object[]> rows) {
        List<Object[]> sorted = new ArrayList<>(rows);
        sorted.sort((a, b) -> ((String) a[0]).toLowerCase(Locale.ROOT).compareTo(((String) b[0]).toLowerCase(Locale.ROOT)));
        return sorted;
    }
}
