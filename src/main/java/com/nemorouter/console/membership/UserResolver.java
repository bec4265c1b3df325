package com.nemorouter.console.membership;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import com.nemorouter.console.connection.SqlRows;
import com.nemorouter.console.presence.Ids;

import jakarta.persistence.EntityManager;


/**
 * Turns what the admin typed (Supabase UUIDs or emails) into the ids LiteLLM's rows use, refusing unknown
 * users and users who are not members where they must be. Runs in the edit's transaction: resolving
 * members takes LiteLLM's locks first ({@link RosterLocks}) and reads the memberships under them.
 */
final class UserResolver {

    /** One input as found in {@code auth.users}: its id and email, both null when there is no such user. */
    record Resolved(String input, String authId, String email) {
    }

    private final EntityManager em;
    private final RosterLocks locks;
    private final RosterWrites rows;

    UserResolver(EntityManager em, RosterLocks locks, RosterWrites rows) {
        this.em = em;
        this.locks = locks;
        this.rows = rows;
    }

    /**
     * Resolves every input to a Supabase user (by UUID or email); adds need a real auth user. Takes no lock.
     *
     * @throws EditRefused naming the inputs without a Supabase user
     */
    List<EditUser> supabaseUsers(List<String> inputs) {
        List<EditUser> users = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (Resolved row : resolve(inputs)) {
            if (row.authId() == null) {
                unknown.add(row.input());
            } else if (users.stream().noneMatch(user -> user.id().equals(row.authId()))) {
                users.add(new EditUser(row.input(), row.authId(), row.email()));
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
     *
     * @throws EditRefused naming the inputs that are not members
     */
    List<EditUser> members(List<String> inputs, String owner, boolean team, List<String> teamsToLock) {
        List<Resolved> resolved = resolve(inputs);
        Set<String> candidates = new TreeSet<>();
        for (Resolved row : resolved) {
            candidates.add(row.input());
            if (row.authId() != null) {
                candidates.add(row.authId());
            }
        }
        locks.lock(em, teamsToLock, candidates);
        List<String> candidateIds = List.copyOf(candidates);
        Set<String> memberIds = new TreeSet<>(team ? rows.onRoster(owner, candidateIds)
                : rows.organizationMemberIds(owner, candidateIds));
        List<EditUser> users = new ArrayList<>();
        List<String> notMembers = new ArrayList<>();
        for (Resolved row : resolved) {
            String id = row.authId() != null && memberIds.contains(row.authId()) ? row.authId()
                    : memberIds.contains(row.input()) ? row.input() : null;
            if (id == null) {
                notMembers.add(row.input());
            } else if (users.stream().noneMatch(user -> user.id().equals(id))) {
                users.add(new EditUser(row.input(), id, row.email()));
            }
        }
        if (!notMembers.isEmpty()) {
            throw new EditRefused("not a member of " + (team ? "team " : "organization ") + owner + ": "
                    + String.join(", ", notMembers));
        }
        return users;
    }

    /** Every input with its auth user (id, email) or nulls, in input order: one statement for all inputs. */
    private List<Resolved> resolve(List<String> inputs) {
        return SqlRows.select(em, """
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
                order by i.position""", Resolved.class)
                .setParameter("inputs", RosterWrites.array(inputs))
                .setParameter("uuidPattern", Ids.SQL_UUID_PATTERN)
                .getResultList();
    }
}
