package com.nemorouter.console.team;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.nemorouter.console.connection.SqlRows;
import com.nemorouter.console.presence.Ids;
import com.nemorouter.console.presence.Presence;
import com.nemorouter.console.persistence.litellm.Rosters;

import jakarta.persistence.EntityManager;


/**
 * Set-based reads of teams and rosters; they run inside the caller's transaction. Merging both schemas' teams and
 * expanding a JSON roster are set operations, so they stay SQL; Hibernate maps each row onto a record by its
 * constructor (columns in parameter order), never by casting positions of an {@code Object[]}.
 */
public final class TeamQueries {

    /** One row of {@link #teamsOfOrganization}, as the SQL returns it. */
    private record TeamColumns(String id, String nemoName, String liteLlmAlias, String nemoOrganizationId,
                               String liteLlmOrganizationId, Boolean inNemo, Boolean inLiteLlm, Long memberCount) {

        TeamRow toRow() {
            return new TeamRow(id, nemoName, liteLlmAlias, nemoOrganizationId, liteLlmOrganizationId,
                    Presence.of(inNemo, inLiteLlm), memberCount);
        }
    }

    /**
     * The org's teams from both schemas, merged by team id. A team whose two sides name different
     * organizations appears under both of them, so neither org hides the mismatch.
     */
    public List<TeamRow> teamsOfOrganization(EntityManager em, String organizationId) {
        Optional<UUID> uuid = Ids.asUuid(organizationId);
        return SqlRows.select(em, """
                with ids as (
                    select t.team_id::text as id from {nemo}.teams t where t.organization_id = cast(:uuid as uuid)
                    union
                    select t.team_id from {litellm}."LiteLLM_TeamTable" t where t.organization_id = :org
                )
                select ids.id, n.name, l.team_alias, n.organization_id::text, l.organization_id,
                       n.team_id is not null, l.team_id is not null,
                       cast(%s as bigint)
                from ids
                left join {nemo}.teams n on n.team_id = case when ids.id ~ :uuidPattern then cast(ids.id as uuid) end
                     and n.team_id::text = ids.id
                left join {litellm}."LiteLLM_TeamTable" l on l.team_id = ids.id
                order by lower(coalesce(n.name, l.team_alias, ids.id)), ids.id
                """.formatted(Rosters.size("l")), TeamColumns.class)
                .setParameter("uuid", uuid.map(UUID::toString).orElse(null))
                .setParameter("org", organizationId)
                .setParameter("uuidPattern", Ids.SQL_UUID_PATTERN)
                .getResultStream().map(TeamColumns::toRow).toList();
    }

    /**
     * A team's roster in stored order, each entry checked against {@code LiteLLM_UserTable.teams},
     * {@code LiteLLM_TeamMembership}, the org membership and {@code auth.users}, in one statement.
     * A roster still holding the column default {@code {}} reads as empty.
     */
    public List<RosterEntry> roster(EntityManager em, String teamId) {
        return SqlRows.select(em, """
                select e.member ->> 'user_id', coalesce(e.member ->> 'user_email', u.user_email), e.member ->> 'role',
                       u.user_id is not null,
                       coalesce(array_position(u.teams, t.team_id) is not null, false),
                       exists (select 1 from {litellm}."LiteLLM_TeamMembership" tm
                               where tm.user_id = e.member ->> 'user_id' and tm.team_id = t.team_id),
                       exists (select 1 from {litellm}."LiteLLM_OrganizationMembership" om
                               where om.user_id = e.member ->> 'user_id' and om.organization_id = t.organization_id),
                       exists (select 1 from {auth}.users a
                               where a.id = case when e.member ->> 'user_id' ~ :uuidPattern
                                                 then cast(e.member ->> 'user_id' as uuid) end
                                 and a.id::text = e.member ->> 'user_id')
                from {litellm}."LiteLLM_TeamTable" t
                cross join lateral jsonb_array_elements(
                    %s) with ordinality as e(member, position)
                left join {litellm}."LiteLLM_UserTable" u on u.user_id = e.member ->> 'user_id'
                where t.team_id = :team
                order by e.position
                """.formatted(Rosters.members("t")), RosterEntry.class)
                .setParameter("team", teamId)
                .setParameter("uuidPattern", Ids.SQL_UUID_PATTERN)
                .getResultList();
    }
}
