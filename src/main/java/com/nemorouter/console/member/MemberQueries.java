package com.nemorouter.console.member;

import java.util.List;

import com.nemorouter.console.connection.SqlRows;
import com.nemorouter.console.presence.Ids;
import com.nemorouter.console.persistence.litellm.Rosters;

import jakarta.persistence.EntityManager;


/**
 * Set-based reads of organization members; they run inside the caller's transaction. A member page with its team
 * names and key counts is one set operation, so it stays SQL; Hibernate maps each row onto a record by its
 * constructor (columns in parameter order), never by casting positions of an {@code Object[]}.
 */
public final class MemberQueries {

    /**
     * One row of {@link #membersOfOrganization}, as the SQL returns it.
     *
     * @param authExact null when auth has no user for the id at all
     * @param total     all members of the org, repeated on every row of the page
     */
    private record MemberColumns(String userId, String email, String role, Boolean authFound, Boolean authExact,
                                 Boolean inUserTable, String teams, Long keyCount, Long total) {

        MemberRow toRow() {
            MemberRow.AuthMatch match = Boolean.TRUE.equals(authExact) ? MemberRow.AuthMatch.EXACT
                    : authFound ? MemberRow.AuthMatch.CASE_ONLY : MemberRow.AuthMatch.MISSING;
            return new MemberRow(userId, email, role, match, inUserTable, teams, keyCount);
        }
    }

    /** A page of an org's members with auth presence, team names and key counts, in one statement. */
    public MembersPage membersOfOrganization(EntityManager em, String organizationId, int limit) {
        // The page is picked first and only its rows get team names and key counts: computing those for
        // every member of a large org (with the total as a window over all of them) cost seconds per
        // thousand members. The org's rosters are expanded once, not searched once per member.
        List<MemberColumns> rows = SqlRows.select(em, """
                with members as materialized (
                    select m.user_id, m.user_role from {litellm}."LiteLLM_OrganizationMembership" m
                    where m.organization_id = :org
                ),
                page as (
                    select m.user_id, m.user_role, u.user_email, a.email, a.id as auth_id, u.user_id is not null as in_user_table
                    from members m
                    left join {litellm}."LiteLLM_UserTable" u on u.user_id = m.user_id
                    left join {auth}.users a on a.id = case when m.user_id ~ :uuidPattern then cast(m.user_id as uuid) end
                    order by lower(coalesce(u.user_email, a.email, m.user_id)), m.user_id
                    limit :limit
                ),
                org_teams as (
                    select t.team_id, coalesce(t.team_alias, t.team_id) as name, t.members_with_roles
                    from {litellm}."LiteLLM_TeamTable" t where t.organization_id = :org
                ),
                page_teams as (
                    select r.user_id, string_agg(r.name, ', ' order by lower(r.name)) as names
                    from (select distinct ot.team_id, ot.name, e.member ->> 'user_id' as user_id
                          from org_teams ot
                          cross join lateral jsonb_array_elements(ot.members_with_roles) as e(member)
                          where %s
                            and e.member ->> 'user_id' in (select user_id from page)) r
                    group by r.user_id
                )
                select p.user_id, coalesce(p.user_email, p.email), p.user_role,
                       p.auth_id is not null, p.auth_id::text = p.user_id, p.in_user_table,
                       coalesce(pt.names, ''),
                       (select count(*) from {litellm}."LiteLLM_VerificationToken" k
                        where k.user_id = p.user_id
                          and (k.organization_id = :org or k.team_id in (select team_id from org_teams))),
                       (select count(*) from members)
                from page p
                left join page_teams pt on pt.user_id = p.user_id
                order by lower(coalesce(p.user_email, p.email, p.user_id)), p.user_id
                """.formatted(Rosters.isArray("ot.members_with_roles")), MemberColumns.class)
                .setParameter("org", organizationId)
                .setParameter("uuidPattern", Ids.SQL_UUID_PATTERN)
                .setParameter("limit", limit)
                .getResultList();
        // An empty page means the org has no members at all: the total rides on the page's rows.
        long total = rows.isEmpty() ? 0 : rows.get(0).total();
        return new MembersPage(rows.stream().map(MemberColumns::toRow).toList(), total);
    }

    public record MembersPage(List<MemberRow> members, long total) {
        public MembersPage {
            members = List.copyOf(members);
        }
    }
}
