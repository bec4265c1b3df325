package com.nemorouter.console.membership;

import com.nemorouter.console.connection.SqlRows;

import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

import jakarta.persistence.EntityManager;


/**
 * LiteLLM's locking protocol for roster changes (newest LiteLLM, {@code litellm-tables.md}): inside the
 * transaction that makes the change, first {@code pg_advisory_xact_lock(hashtext(team_id))} for every
 * team touched, in sorted order, then the affected {@code LiteLLM_UserTable} rows {@code FOR UPDATE} in
 * {@code user_id} order. Taking the same locks in the same order as LiteLLM makes console edits
 * serialise with LiteLLM's own and with other consoles, without deadlocks between them.
 *
 * <p>Runs inside the caller's transaction (the locks are released when it ends); call it first, before
 * reading anything the change depends on, so those reads see the state under the lock.
 */
public final class RosterLocks {

    /**
     * Takes the team locks, then the user row locks. Costs one statement per team plus one.
     *
     * @param teamIds the teams whose rosters the transaction changes (any order, duplicates ignored)
     * @param userIds the users whose {@code LiteLLM_UserTable} rows it changes or relies on
     * @return the user ids that exist in {@code LiteLLM_UserTable} and are now locked, sorted
     */
    public List<String> lock(EntityManager em, Collection<String> teamIds, Collection<String> userIds) {
        for (String teamId : new TreeSet<>(teamIds)) {
            // pg_advisory_xact_lock returns void, which JPA cannot map: count the one row instead.
            em.createNativeQuery("select count(*) from (select pg_advisory_xact_lock(hashtext(:team))) l")
                    .setParameter("team", teamId)
                    .getSingleResult();
        }
        if (userIds.isEmpty()) {
            return List.of();
        }
        List<String> locked = SqlRows.select(em, """
                select u.user_id from {litellm}."LiteLLM_UserTable" u
                where u.user_id = any(cast(:ids as text[]))
                order by u.user_id
                for update""", String.class)
                .setParameter("ids", new TreeSet<>(userIds).toArray(String[]::new))
                .getResultList();
        return List.copyOf(locked);
    }
}
