package com.nemorouter.console.member;

import java.util.ArrayList;
import java.util.List;

import com.nemorouter.console.presence.Ids;

import jakarta.persistence.EntityManager;

/** Set-based reads of organization members; they run inside the caller's transaction. */
public final class MemberQueries {

    /** A page of an org's members with auth presence, team names and key counts, in one statement. */
    @SuppressWarnings("unchecked")
    public MembersPage membersOfOrganization(EntityManager em, String organizationId, int limit) {
        List<Object[]> rows = em.createNativeQuery("""
                with org_teams as (
                    select t.team_id, coalesce(t.team_alias, t.team_id) as name, t.members_with_roles
                    from public."LiteLLM_TeamTable" t where t.organization_id = :org
                )
                select m.user_id, coalesce(u.user_email, a.email), m.user_role,
                       a.id is not null, a.id::text = m.user_id, u.user_id is not null,
                       (select coalesce(string_agg(ot.name, ', ' order by lower(ot.name)), '') from org_teams ot
                        where jsonb_typeof(ot.members_with_roles) = 'array'
                          and ot.members_with_roles @> jsonb_build_array(jsonb_build_object('user_id', m.user_id))),
                       (select count(*) from public."LiteLLM_VerificationToken" k
                        where k.user_id = m.user_id
                          and (k.organization_id = :org or k.team_id in (select team_id from org_teams))),
                       count(*) over ()
                from public."LiteLLM_OrganizationMembership" m
                left join public."LiteLLM_UserTable" u on u.user_id = m.user_id
                left join auth.users a on a.id = case when m.user_id ~ :uuidPattern then cast(m.user_id as uuid) end
                where m.organization_id = :org
                order by lower(coalesce(u.user_email, a.email, m.user_id)), m.user_id
                limit :limit
                """)
                .setParameter("org", organizationId)
                .setParameter("uuidPattern", Ids.SQL_UUID_PATTERN)
                .setParameter("limit", limit)
                .getResultList();
        List<MemberRow> members = new ArrayList<>(rows.size());
        long total = 0;
        for (Object[] row : rows) {
            boolean authFound = (Boolean) row[3];
            boolean authExact = Boolean.TRUE.equals(row[4]);
            MemberRow.AuthMatch match = authExact ? MemberRow.AuthMatch.EXACT
                    : authFound ? MemberRow.AuthMatch.CASE_ONLY : MemberRow.AuthMatch.MISSING;
            members.add(new MemberRow((String) row[0], (String) row[1], (String) row[2], match, (Boolean) row[5],
                    (String) row[6], ((Number) row[7]).longValue()));
            total = ((Number) row[8]).longValue();
        }
        return new MembersPage(members, total);
    }

    public record MembersPage(List<MemberRow> members, long total) {
        public MembersPage {
            members = List.copyOf(members);
        }
    }
}
