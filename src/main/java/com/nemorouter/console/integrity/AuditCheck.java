package com.nemorouter.console.integrity;

import com.nemorouter.console.persistence.litellm.Rosters;

/**
 * The integrity checks. Each is ONE set-based statement returning
 * {@code severity, entity_type, entity_id, tables text[], detail, organization_id, related text[]}; ids are stable (scripts
 * and CI pipelines match on them). LiteLLM ids are text, nemo and auth ids uuid, so every join casts the
 * uuid side to text, exactly as a text join in LiteLLM or the backend would see it.
 */
public enum AuditCheck {

    ORG_MISSING_IN_LITELLM("org_missing_in_litellm",
            "A nemo organization with no LiteLLM organization of the same UUID: no key can resolve to it.", """
            select 'error', 'organization', n.organization_id::text,
                   array['nemo.organizations', 'LiteLLM_OrganizationTable'],
                   'Organization ' || n.name || ' is in {nemo}.organizations but LiteLLM_OrganizationTable has no row with its UUID.',
                   n.organization_id::text, array[]::text[]
            from {nemo}.organizations n
            where not exists (select 1 from {litellm}."LiteLLM_OrganizationTable" l
                              where l.organization_id = n.organization_id::text)
            """),

    ORG_MISSING_IN_NEMO("org_missing_in_nemo",
            "A LiteLLM organization with no nemo organization of the same UUID.", """
            select 'error', 'organization', l.organization_id,
                   array['LiteLLM_OrganizationTable', 'nemo.organizations'],
                   'LiteLLM organization ' || l.organization_alias || ' has no {nemo}.organizations row with its UUID.',
                   l.organization_id, array[]::text[]
            from {litellm}."LiteLLM_OrganizationTable" l
            where not exists (select 1 from {nemo}.organizations n where n.organization_id::text = l.organization_id)
            """),

    TEAM_MISSING_IN_LITELLM("team_missing_in_litellm",
            "A nemo team with no LiteLLM team of the same UUID.", """
            select 'error', 'team', n.team_id::text, array['nemo.teams', 'LiteLLM_TeamTable'],
                   'Team ' || n.name || ' is in {nemo}.teams but LiteLLM_TeamTable has no row with its UUID.',
                   n.organization_id::text, array[]::text[]
            from {nemo}.teams n
            where not exists (select 1 from {litellm}."LiteLLM_TeamTable" t where t.team_id = n.team_id::text)
            """),

    TEAM_MISSING_IN_NEMO("team_missing_in_nemo",
            "A LiteLLM team with no nemo team of the same UUID.", """
            select 'error', 'team', t.team_id, array['LiteLLM_TeamTable', 'nemo.teams'],
                   'LiteLLM team ' || coalesce(t.team_alias, t.team_id) || ' has no {nemo}.teams row with its UUID.',
                   t.organization_id, array[]::text[]
            from {litellm}."LiteLLM_TeamTable" t
            where not exists (select 1 from {nemo}.teams n where n.team_id::text = t.team_id)
            """),

    TEAM_ORG_MISMATCH("team_org_mismatch",
            "A team present in both schemas whose organization differs between them.", """
            select 'error', 'team', t.team_id, array['nemo.teams', 'LiteLLM_TeamTable'],
                   'Team ' || n.name || ' belongs to organization ' || n.organization_id::text
                       || ' in {nemo}.teams but to ' || t.organization_id || ' in LiteLLM_TeamTable.',
                   n.organization_id::text, array[t.organization_id]
            from {nemo}.teams n
            join {litellm}."LiteLLM_TeamTable" t on t.team_id = n.team_id::text
            where t.organization_id is not null and t.organization_id <> n.organization_id::text
            """),

    TEAM_ORG_MISSING("team_org_missing",
            "A LiteLLM team whose organization_id is null or names no LiteLLM organization.", """
            select 'error', 'team', t.team_id, array['LiteLLM_TeamTable', 'LiteLLM_OrganizationTable'],
                   'LiteLLM team ' || coalesce(t.team_alias, t.team_id)
                       || case when t.organization_id is null then ' has no organization_id.'
                               else ' names organization ' || t.organization_id || ', which LiteLLM_OrganizationTable does not hold.' end,
                   t.organization_id, array[]::text[]
            from {litellm}."LiteLLM_TeamTable" t
            where t.organization_id is null
               or not exists (select 1 from {litellm}."LiteLLM_OrganizationTable" o where o.organization_id = t.organization_id)
            """),

    USER_MISSING_IN_AUTH("user_missing_in_auth",
            "A LiteLLM user on an org membership or a team roster with no auth.users row of that UUID "
                    + "(info, once each, for ids that are not UUIDs such as default_user_id).", """
            with referenced as (
                select m.user_id, 'LiteLLM_OrganizationMembership' as tbl, m.organization_id as org
                from {litellm}."LiteLLM_OrganizationMembership" m
                union all
                select e.member ->> 'user_id', 'LiteLLM_TeamTable', t.organization_id
                from {litellm}."LiteLLM_TeamTable" t
                cross join lateral jsonb_array_elements(%ROSTER%) e(member)
                where e.member ->> 'user_id' is not null
            ), grouped as (
                -- Only the references without an auth user are grouped: grouping millions of references
                -- first and dropping almost all of them afterwards cost most of the time.
                select r.user_id, array_agg(distinct r.tbl order by r.tbl) as tbls, min(r.org) as org,
                       r.user_id ~ '%UUID%' as is_uuid
                from referenced r
                left join {auth}.users a on a.id = case when r.user_id ~ '%UUID%' then cast(r.user_id as uuid) end
                where a.id is null
                group by r.user_id
            )
            select case when g.is_uuid then 'error' else 'info' end, 'user', g.user_id,
                   g.tbls || array['auth.users'],
                   case when g.is_uuid then 'User ' || g.user_id || ' is referenced in ' || array_to_string(g.tbls, ' and ')
                                            || ' but {auth}.users has no user with that UUID.'
                        else 'User id ' || g.user_id || ' is not a UUID, so it can have no {auth}.users row.' end,
                   g.org, array[]::text[]
            from grouped g
            """),

    ROSTER_USER_MISSING("roster_user_missing",
            "A members_with_roles entry whose user has no LiteLLM_UserTable row.", """
            select 'error', 'user', e.member ->> 'user_id', array['LiteLLM_TeamTable', 'LiteLLM_UserTable'],
                   'Team ' || coalesce(t.team_alias, t.team_id) || ' lists user ' || (e.member ->> 'user_id')
                       || ' in members_with_roles, but LiteLLM_UserTable has no such user.',
                   t.organization_id, array[t.team_id]
            from {litellm}."LiteLLM_TeamTable" t
            cross join lateral jsonb_array_elements(%ROSTER%) e(member)
            left join {litellm}."LiteLLM_UserTable" u on u.user_id = e.member ->> 'user_id'
            where e.member ->> 'user_id' is not null and u.user_id is null
            """),

    ROSTER_TEAMS_DRIFT("roster_teams_drift",
            "A roster entry whose user's teams array lacks the team, or a teams entry naming a team whose "
                    + "roster lacks the user.", """
            with roster as materialized (
                -- Every roster entry once, hashed for an anti-join (testing each row's user against the
                -- whole members_with_roles array, or expanding it per row, is quadratic in a team's size).
                select t.team_id, e.member -> 'user_id' as user_id
                from {litellm}."LiteLLM_TeamTable" t
                cross join lateral jsonb_array_elements(%ROSTER%) e(member)
            )
            select 'warning', 'user', u.user_id, array['LiteLLM_TeamTable', 'LiteLLM_UserTable'],
                   'User ' || u.user_id || ' is on the roster of team ' || coalesce(t.team_alias, t.team_id)
                       || ' but their LiteLLM_UserTable.teams lacks ' || t.team_id || '.',
                   t.organization_id, array[t.team_id]
            from {litellm}."LiteLLM_TeamTable" t
            cross join lateral jsonb_array_elements(%ROSTER%) e(member)
            join {litellm}."LiteLLM_UserTable" u on u.user_id = e.member ->> 'user_id'
            where array_position(u.teams, t.team_id) is null
            union all
            select 'warning', 'user', u.user_id, array['LiteLLM_UserTable', 'LiteLLM_TeamTable'],
                   'User ' || u.user_id || '''s teams lists ' || ut.team_id
                       || case when t.team_id is null then ', which LiteLLM_TeamTable does not hold.'
                               else ', but that team''s members_with_roles lacks the user.' end,
                   t.organization_id, array[ut.team_id]
            from {litellm}."LiteLLM_UserTable" u
            cross join lateral unnest(u.teams) as ut(team_id)
            left join {litellm}."LiteLLM_TeamTable" t on t.team_id = ut.team_id
            left join roster r on r.team_id = ut.team_id and r.user_id = to_jsonb(u.user_id)
            where t.team_id is null or r.team_id is null
            """),

    ROSTER_MEMBERSHIP_DRIFT("roster_membership_drift",
            "A LiteLLM_TeamMembership row for a user not on the team's roster (a roster member without a "
                    + "TeamMembership row is info: older LiteLLM did not write them).", """
            with roster as materialized (
                -- Every roster entry once, hashed for an anti-join (testing each row's user against the
                -- whole members_with_roles array, or expanding it per row, is quadratic in a team's size).
                select t.team_id, e.member -> 'user_id' as user_id
                from {litellm}."LiteLLM_TeamTable" t
                cross join lateral jsonb_array_elements(%ROSTER%) e(member)
            )
            select 'warning', 'user', m.user_id, array['LiteLLM_TeamMembership', 'LiteLLM_TeamTable'],
                   'LiteLLM_TeamMembership has user ' || m.user_id || ' in team ' || coalesce(t.team_alias, m.team_id)
                       || ', but the team''s members_with_roles lacks the user.',
                   t.organization_id, array[m.team_id]
            from {litellm}."LiteLLM_TeamMembership" m
            left join {litellm}."LiteLLM_TeamTable" t on t.team_id = m.team_id
            left join roster r on r.team_id = m.team_id and r.user_id = to_jsonb(m.user_id)
            where t.team_id is null or r.team_id is null
            union all
            select 'info', 'user', e.member ->> 'user_id', array['LiteLLM_TeamTable', 'LiteLLM_TeamMembership'],
                   'User ' || (e.member ->> 'user_id') || ' is on the roster of team ' || coalesce(t.team_alias, t.team_id)
                       || ' without a LiteLLM_TeamMembership row (normal for members added by older LiteLLM).',
                   t.organization_id, array[t.team_id]
            from {litellm}."LiteLLM_TeamTable" t
            cross join lateral jsonb_array_elements(%ROSTER%) e(member)
            left join {litellm}."LiteLLM_TeamMembership" m on m.user_id = e.member ->> 'user_id' and m.team_id = t.team_id
            where e.member ->> 'user_id' is not null and m.user_id is null
            """),

    TEAM_MEMBER_NOT_IN_ORG("team_member_not_in_org",
            "A roster member with no membership in the team's organization (NemoRouter's rule is org -> team -> member).", """
            select 'error', 'user', e.member ->> 'user_id', array['LiteLLM_TeamTable', 'LiteLLM_OrganizationMembership'],
                   'User ' || (e.member ->> 'user_id') || ' is on the roster of team ' || coalesce(t.team_alias, t.team_id)
                       || ' but is not a member of its organization ' || t.organization_id || '.',
                   t.organization_id, array[t.team_id]
            from {litellm}."LiteLLM_TeamTable" t
            cross join lateral jsonb_array_elements(%ROSTER%) e(member)
            left join {litellm}."LiteLLM_OrganizationMembership" m
                   on m.user_id = e.member ->> 'user_id' and m.organization_id = t.organization_id
            where e.member ->> 'user_id' is not null and t.organization_id is not null and m.user_id is null
            """),

    KEY_ORG_MISMATCH("key_org_mismatch",
            "A key whose organization_id differs from its team's organization.", """
            select 'error', 'key', k.token, array['LiteLLM_VerificationToken', 'LiteLLM_TeamTable'],
                   'Key ' || coalesce(k.key_alias, k.key_name, left(k.token, 12)) || ' names organization '
                       || k.organization_id || ' but its team ' || coalesce(t.team_alias, t.team_id) || ' belongs to '
                       || coalesce(t.organization_id, 'no organization') || '.',
                   k.organization_id, array_remove(array[t.team_id, t.organization_id], null)
            from {litellm}."LiteLLM_VerificationToken" k
            join {litellm}."LiteLLM_TeamTable" t on t.team_id = k.team_id
            where k.organization_id is not null and t.organization_id is distinct from k.organization_id
            """),

    NON_CANONICAL_ID("non_canonical_id",
            "A LiteLLM organization, team or user id that is a UUID but not lowercase canonical text: it "
                    + "breaks every text join.", """
            with ids(value, tbl, kind) as (
                select organization_id, 'LiteLLM_OrganizationTable', 'organization' from {litellm}."LiteLLM_OrganizationTable"
                union all select team_id, 'LiteLLM_TeamTable', 'team' from {litellm}."LiteLLM_TeamTable"
                union all select organization_id, 'LiteLLM_TeamTable', 'organization' from {litellm}."LiteLLM_TeamTable"
                union all select e.member ->> 'user_id', 'LiteLLM_TeamTable', 'user'
                          from {litellm}."LiteLLM_TeamTable" t
                          cross join lateral jsonb_array_elements(%ROSTER%) e(member)
                union all select user_id, 'LiteLLM_UserTable', 'user' from {litellm}."LiteLLM_UserTable"
                union all select organization_id, 'LiteLLM_UserTable', 'organization' from {litellm}."LiteLLM_UserTable"
                union all select ut.team_id, 'LiteLLM_UserTable', 'team'
                          from {litellm}."LiteLLM_UserTable" u cross join lateral unnest(u.teams) ut(team_id)
                union all select user_id, 'LiteLLM_OrganizationMembership', 'user' from {litellm}."LiteLLM_OrganizationMembership"
                union all select organization_id, 'LiteLLM_OrganizationMembership', 'organization' from {litellm}."LiteLLM_OrganizationMembership"
                union all select user_id, 'LiteLLM_TeamMembership', 'user' from {litellm}."LiteLLM_TeamMembership"
                union all select team_id, 'LiteLLM_TeamMembership', 'team' from {litellm}."LiteLLM_TeamMembership"
                union all select user_id, 'LiteLLM_VerificationToken', 'user' from {litellm}."LiteLLM_VerificationToken"
                union all select team_id, 'LiteLLM_VerificationToken', 'team' from {litellm}."LiteLLM_VerificationToken"
                union all select organization_id, 'LiteLLM_VerificationToken', 'organization' from {litellm}."LiteLLM_VerificationToken"
            )
            select 'error', min(kind), value, array_agg(distinct tbl order by tbl),
                   'Id ' || value || ' is a UUID but not in lowercase canonical form, so it does not join with '
                       || lower(replace(replace(value, '{', ''), '}', '')) || ' anywhere else.',
                   null, array[lower(replace(replace(value, '{', ''), '}', ''))]
            from ids
            where value ~ '%UUID_ANY_SPELLING%' and value !~ '%CANONICAL%'
            group by value
            """),

    MEMBERS_WITH_ROLES_NOT_ARRAY("members_with_roles_not_array",
            "A roster stored as a JSON object (the column default {}), not an array: readers must treat it as empty.", """
            select 'info', 'team', t.team_id, array['LiteLLM_TeamTable'],
                   'Team ' || coalesce(t.team_alias, t.team_id) || ' stores members_with_roles as a JSON '
                       || jsonb_typeof(t.members_with_roles) || ', not an array.',
                   t.organization_id, array[t.team_id]
            from {litellm}."LiteLLM_TeamTable" t
            where jsonb_typeof(t.members_with_roles) <> 'array'
            """),

    MAPPING_COLUMN("mapping_column",
            "A column in the nemo schema whose name suggests a mapping layer (…litellm…_id, …_mapping, "
                    + "…_external_id), which the one-UUID design forbids.", """
            select 'warning', 'column', c.table_schema || '.' || c.table_name || '.' || c.column_name,
                   array[c.table_schema || '.' || c.table_name],
                   'Column ' || c.table_name || '.' || c.column_name
                       || ' looks like a mapping between ids; one UUID must serve every schema.',
                   null, array[]::text[]
            from information_schema.columns c
            where c.table_schema = cast(:nemoSchema as text)
              and ((lower(c.column_name) like '%litellm%' and lower(c.column_name) like '%\\_id')
                   or lower(c.column_name) like '%\\_mapping' or lower(c.column_name) like '%\\_external\\_id')
            """);

    private static final String UUID_ANY_CASE = "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$";
    private static final String UUID_ANY_SPELLING =
            "^[{]{0,1}[0-9a-fA-F]{8}-{0,1}[0-9a-fA-F]{4}-{0,1}[0-9a-fA-F]{4}-{0,1}[0-9a-fA-F]{4}-{0,1}[0-9a-fA-F]{12}[}]{0,1}$";
    private static final String CANONICAL = "^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$";

    private final String id;
    private final String explanation;
    private final String sql;

    AuditCheck(String id, String explanation, String sql) {
        this.id = id;
        this.explanation = explanation;
        // %ROSTER% is team row t's roster read as LiteLLM reads it (Rosters.members).
        this.sql = sql.replace("%UUID%", UUID_ANY_CASE).replace("%UUID_ANY_SPELLING%", UUID_ANY_SPELLING)
                .replace("%CANONICAL%", CANONICAL).replace("%ROSTER%", Rosters.members("t"));
    }

    /** The stable id: {@code org_missing_in_litellm}, … */
    public String id() {
        return id;
    }

    /** One sentence for the audit view and the README table. */
    public String explanation() {
        return explanation;
    }

    /** The check as one SELECT with schema placeholders (the benchmark resolves and runs it as plain JDBC). */
    public String sql() {
        return sql;
    }
}
