package com.nemorouter.console.member;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import com.nemorouter.console.connection.Database;
import com.nemorouter.console.connection.SqlRows;
import com.nemorouter.console.persistence.auth.AuthUser;
import com.nemorouter.console.persistence.litellm.LiteLlmUser;
import com.nemorouter.console.presence.IdKind;
import com.nemorouter.console.presence.Ids;
import com.nemorouter.console.presence.PresenceQuery;
import com.nemorouter.console.presence.PresenceReport;
import com.nemorouter.console.persistence.litellm.Rosters;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;


/** One user across auth and LiteLLM. Each method is one read transaction on a background thread. */
public final class MemberService {

    private final Database database;
    private final PresenceQuery presenceQuery;

    public MemberService(Database database, PresenceQuery presenceQuery) {
        this.database = database;
        this.presenceQuery = presenceQuery;
    }

    /**
     * What the member view shows first, in one read transaction: the user (matched exactly as text, as LiteLLM
     * does), its org memberships and the cheap part of its presence ({@link PresenceQuery#findCheap}). The user
     * loads through the entities: its LiteLLM row with the auth user of the same UUID and its key count in one
     * statement, then its org memberships (LiteLLM_OrganizationMembership's primary key starts with user_id).
     * Three statements whatever the number of orgs; four for a user LiteLLM lacks (then auth with the key count
     * is read apart), five for an id neither has. Its teams ({@link #teams}, a scan of every roster) and the
     * presence counts left pending ({@link #presenceRest}) stream in after.
     *
     * @return empty when no table refers to the id as far as the cheap part counted and nothing is pending;
     *         with counts pending and none found yet, a detail whose presence may still turn out empty
     */
    public Optional<MemberDetail> open(String userId) {
        return database.read(em -> {
            PresenceReport presence = presenceQuery.findCheap(em, IdKind.USER, userId);
            if (!presence.foundAnywhere() && presence.isComplete()) {
                // The user tables and the memberships are among the columns counted: nothing more to read.
                return Optional.<MemberDetail>empty();
            }
            User user = user(em, userId);
            List<MemberDetail.Organization> organizations = organizations(em, userId);
            LiteLlmUser liteLlm = user.liteLlm();
            AuthUser auth = user.auth();
            return Optional.of(new MemberDetail(userId, auth != null, liteLlm != null,
                    auth == null ? null : auth.getEmail(), auth == null ? null : auth.getFullName(),
                    liteLlm == null ? null : liteLlm.getUserEmail(), liteLlm == null ? null : liteLlm.getUserRole(),
                    liteLlm == null ? List.of() : Arrays.asList(liteLlm.getTeams()), organizations,
                    user.keyCount(), presence));
        });
    }

    /**
     * The teams whose roster ({@code LiteLLM_TeamTable.members_with_roles}) lists the user, in one statement of
     * its own transaction. No index serves a search inside the JSON arrays, so it reads every roster: the
     * member view streams it in after {@link #open}.
     */
    public List<MemberDetail.Team> teams(String userId) {
        return database.read(em -> teams(em, userId));
    }

    /** The presence counts {@link #open} left pending, in one statement of its own transaction (none when none is). */
    public PresenceReport presenceRest(String userId) {
        return database.read(em -> presenceQuery.findRest(em, IdKind.USER, userId));
    }

    /** Either side may be missing (drift); the auth user is the one whose id is exactly {@code userId}. */
    private record User(LiteLlmUser liteLlm, AuthUser auth, long keyCount) {
    }

    private static User user(EntityManager em, String userId) {
        Optional<Tuple> row = em.createQuery("""
                select u as liteLlmUser,
                       (select count(k) from LiteLlmVerificationToken k where k.userId = u.userId) as keyCount
                from LiteLlmUser u left join fetch u.authUser
                where u.userId = :id""", Tuple.class)
                .setParameter("id", userId).getResultStream().findFirst();
        if (row.isPresent()) {
            LiteLlmUser liteLlm = row.get().get("liteLlmUser", LiteLlmUser.class);
            return new User(liteLlm, liteLlm.getAuthUser().orElse(null), row.get().get("keyCount", Long.class));
        }
        // Only the canonical spelling is the auth user's id as text; any other spelling names nobody in auth.
        Optional<Tuple> auth = Ids.asUuid(userId).filter(uuid -> uuid.toString().equals(userId))
                .flatMap(uuid -> em.createQuery("""
                        select a as authUser,
                               (select count(k) from LiteLlmVerificationToken k where k.userId = :id) as keyCount
                        from AuthUser a where a.id = :uuid""", Tuple.class)
                        .setParameter("uuid", uuid).setParameter("id", userId).getResultStream().findFirst());
        if (auth.isPresent()) {
            return new User(null, auth.get().get("authUser", AuthUser.class), auth.get().get("keyCount", Long.class));
        }
        long keys = em.createQuery("select count(k) from LiteLlmVerificationToken k where k.userId = :id", Long.class)
                .setParameter("id", userId).getSingleResult();
        return new User(null, null, keys);
    }

    private static List<MemberDetail.Organization> organizations(EntityManager em, String userId) {
        return SqlRows.select(em, """
                select m.organization_id, coalesce(n.name, l.organization_alias), m.user_role
                from {litellm}."LiteLLM_OrganizationMembership" m
                left join {litellm}."LiteLLM_OrganizationTable" l on l.organization_id = m.organization_id
                left join {nemo}.organizations n on n.organization_id::text = m.organization_id
                where m.user_id = :id
                order by 2
                """, MemberDetail.Organization.class).setParameter("id", userId).getResultList();
    }

    private static List<MemberDetail.Team> teams(EntityManager em, String userId) {
        return SqlRows.select(em, """
                select t.team_id, coalesce(t.team_alias, t.team_id), t.organization_id, e.member ->> 'role',
                       coalesce(array_position(u.teams, t.team_id) is not null, false)
                from {litellm}."LiteLLM_TeamTable" t
                cross join lateral jsonb_array_elements(
                    %s) as e(member)
                left join {litellm}."LiteLLM_UserTable" u on u.user_id = :id
                where %s
                  and e.member ->> 'user_id' = :id
                order by 2
                """.formatted(Rosters.members("t"), Rosters.includes("t", "cast(:id as text)")), MemberDetail.Team.class).setParameter("id", userId).getResultList();
    }
}
