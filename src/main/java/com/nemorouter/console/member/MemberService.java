package com.nemorouter.console.member;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.nemorouter.console.connection.Database;
import com.nemorouter.console.presence.IdKind;
import com.nemorouter.console.presence.Ids;
import com.nemorouter.console.presence.PresenceQuery;
import com.nemorouter.console.presence.PresenceReport;
import com.nemorouter.console.persistence.litellm.Rosters;

import jakarta.persistence.EntityManager;

/** One user across auth and LiteLLM. Each method is one read transaction on a background thread. */
public final class MemberService {

    private final Database database;
    private final PresenceQuery presenceQuery;

    public MemberService(Database database, PresenceQuery presenceQuery) {
        this.database = database;
        this.presenceQuery = presenceQuery;
    }

    /**
     * The member view of {@code userId} (matched exactly as text, as LiteLLM does). Four statements
     * plus the catalog read on first use, whatever the number of orgs and teams.
     *
     * @return empty when no table refers to the id
     */
    public Optional<MemberDetail> open(String userId) {
        return database.read(em -> {
            PresenceReport presence = presenceQuery.find(em, IdKind.USER, userId);
            Object[] user = user(em, userId);
            List<MemberDetail.Organization> organizations = organizations(em, userId);
            List<MemberDetail.Team> teams = teams(em, userId);
            boolean anywhere = presence.entries().stream().anyMatch(entry -> entry.rows() > 0);
            if (!anywhere) {
                return Optional.empty();
            }
            String[] userTeams = (String[]) user[4];
            return Optional.of(new MemberDetail(userId, (Boolean) user[6], (Boolean) user[7], (String) user[0], (String) user[1], (String) user[2],
                    (String) user[3], userTeams == null ? List.of() : Arrays.asList(userTeams), organizations,
                    teams, ((Number) user[5]).longValue(), presence));
        });
    }

    private static Object[] user(EntityManager em, String userId) {
        Optional<UUID> uuid = Ids.asUuid(userId);
        return (Object[]) em.createNativeQuery("""
                select a.email, a.raw_user_meta_data ->> 'full_name', u.user_email, u.user_role, u.teams,
                       (select count(*) from {litellm}."LiteLLM_VerificationToken" k where k.user_id = :id),
                       a.id is not null, u.user_id is not null
                from (select 1) one
                left join {auth}.users a on a.id = cast(:uuid as uuid) and a.id::text = :id
                left join {litellm}."LiteLLM_UserTable" u on u.user_id = :id
                """)
                .setParameter("id", userId)
                .setParameter("uuid", uuid.map(UUID::toString).orElse(null))
                .getSingleResult();
    }

    @SuppressWarnings("unchecked")
    private static List<MemberDetail.Organization> organizations(EntityManager em, String userId) {
        List<Object[]> rows = em.createNativeQuery("""
                select m.organization_id, coalesce(n.name, l.organization_alias), m.user_role
                from {litellm}."LiteLLM_OrganizationMembership" m
                left join {litellm}."LiteLLM_OrganizationTable" l on l.organization_id = m.organization_id
                left join {nemo}.organizations n on n.organization_id::text = m.organization_id
                where m.user_id = :id
                order by 2
                """).setParameter("id", userId).getResultList();
        List<MemberDetail.Organization> organizations = new ArrayList<>();
        for (Object[] row : rows) {
            organizations.add(new MemberDetail.Organization((String) row[0], (String) row[1], (String) row[2]));
        }
        return organizations;
    }

    @SuppressWarnings("unchecked")
    private static List<MemberDetail.Team> teams(EntityManager em, String userId) {
        List<Object[]> rows = em.createNativeQuery("""
                select t.team_id, coalesce(t.team_alias, t.team_id), t.organization_id, e.member ->> 'role',
                       coalesce(array_position(u.teams, t.team_id) is not null, false)
                from {litellm}."LiteLLM_TeamTable" t
                cross join lateral jsonb_array_elements(
                    %s) as e(member)
                left join {litellm}."LiteLLM_UserTable" u on u.user_id = :id
                where %s
                  and e.member ->> 'user_id' = :id
                order by 2
                """.formatted(Rosters.members("t"), Rosters.includes("t", "cast(:id as text)"))).setParameter("id", userId).getResultList();
        List<MemberDetail.Team> teams = new ArrayList<>();
        for (Object[] row : rows) {
            teams.add(new MemberDetail.Team((String) row[0], (String) row[1], (String) row[2], (String) row[3],
                    (Boolean) row[4]));
        }
        return teams;
    }
}
