-- Nemo Console demo database: seed data.
--
-- Runs after schema.sql on the fresh database, as one multi-statement string (JDBC).
-- Deterministic: every id is a fixed literal or md5(<label>)::uuid, every timestamp a fixed
-- literal or a literal plus a multiple of an interval. No random(), no now().
--
-- One UUID per organization / team / user, the same value in every schema (as lowercase
-- text on the LiteLLM side). Everything is consistent except seven deliberate drift cases,
-- all with fixed ids (tests and the UI rely on them):
--   1. org 0b5e55ed-0000-4000-8000-000000000001 'Ghostwire Analytics': nemo only
--      (with a credit balance and nemo-only team 7ea70000-0000-4000-8000-00000000d001 'Ghostwire Core')
--   2. org 0b5e55ed-0000-4000-8000-000000000002 'Legacy Proxy Tenant': LiteLLM only
--      (with LiteLLM-only team 7ea70000-0000-4000-8000-00000000d002 'legacy-team', 2 members)
--   3. team 7ea70000-0000-4000-8000-00000000d003 'Data Science': nemo org Blue Harbor Logistics,
--      LiteLLM org Cedar Point Health (its roster are Cedar Point Health members)
--   4. user 5e550000-0000-4000-8000-00000000d004 (Rory Outsider): member of Cedar Point Health
--      only, on the roster of Blue Harbor's team 7ea70000-0000-4000-8000-00000000b002 'Fleet Ops'
--   5. user 5e550000-0000-4000-8000-00000000d005 (Dana Drift): on the 'Fleet Ops' roster and in
--      LiteLLM_TeamMembership, but her LiteLLM_UserTable.teams is '{}'
--   6. user 5e550000-0000-4000-8000-00000000d006 (Uma Upper): LiteLLM user_id (and her
--      OrganizationMembership row in Cedar Point Health) stored in UPPERCASE
--   7. team 7ea70000-0000-4000-8000-00000000d007 'Sandbox' (Cedar Point Health, both sides):
--      members_with_roles is the column default '{}' (an empty object), no members
-- Acme Robotics (550e8400-e29b-41d4-a716-446655440000) is a clean tenant with no drift at all.
--
-- Virtual keys: the raw key of key number n is 'sk-demo-<n>'; its token is the SHA-256 hex
-- digest. 'sk-demo-1' = Acme 'Platform' team admin, organization_id set; 'sk-demo-2' = Acme
-- 'Platform' team member, organization_id NULL (the org comes from the team).

-- ---------------------------------------------------------------------------------------------
-- Staging (temporary tables, dropped at the end)
-- ---------------------------------------------------------------------------------------------

-- Organizations. team_count = number of "regular" teams whose roster is generated from the
-- org's users; user_count = number of generated users of the org.
CREATE TEMP TABLE seed_org (
    n          integer     PRIMARY KEY,
    id         uuid        NOT NULL UNIQUE,
    name       text        NOT NULL,
    slug       text        NOT NULL UNIQUE,
    plan       text        NOT NULL,
    domain     text        NOT NULL UNIQUE,
    in_nemo    boolean     NOT NULL,
    in_lite    boolean     NOT NULL,
    user_count integer     NOT NULL,
    team_count integer     NOT NULL,
    created_at timestamptz NOT NULL
);

INSERT INTO seed_org (n, id, name, slug, plan, domain, in_nemo, in_lite, user_count, team_count, created_at) VALUES
    (1,  '550e8400-e29b-41d4-a716-446655440000', 'Acme Robotics',         'acme-robotics',         'enterprise', 'acme.example',        true,  true,  16, 4, TIMESTAMPTZ '2025-01-06 09:00:00+00'),
    (2,  '0b5e55ed-0000-4000-8000-0000000000b1', 'Blue Harbor Logistics', 'blue-harbor-logistics', 'team',       'blueharbor.example',  true,  true,  12, 2, TIMESTAMPTZ '2025-01-13 10:30:00+00'),
    (3,  '0b5e55ed-0000-4000-8000-0000000000c1', 'Cedar Point Health',    'cedar-point-health',    'pro',        'cedarpoint.example',  true,  true,  12, 2, TIMESTAMPTZ '2025-01-20 14:15:00+00'),
    (31, '0b5e55ed-0000-4000-8000-000000000001', 'Ghostwire Analytics',   'ghostwire-analytics',   'pro',        'ghostwire.example',   true,  false, 0,  0, TIMESTAMPTZ '2025-09-02 11:00:00+00'),
    (32, '0b5e55ed-0000-4000-8000-000000000002', 'Legacy Proxy Tenant',   'legacy-proxy-tenant',   'free',       'legacyproxy.example', false, true,  2,  1, TIMESTAMPTZ '2024-06-17 08:00:00+00');

-- 27 generated organizations, n = 4..30: "<Prefix> <Suffix>", prefixes unique.
INSERT INTO seed_org (n, id, name, slug, plan, domain, in_nemo, in_lite, user_count, team_count, created_at)
SELECT g.n,
       md5('org-' || g.n)::uuid,
       g.name,
       lower(regexp_replace(g.name, '[^A-Za-z0-9]+', '-', 'g')),
       (ARRAY['free', 'pro', 'team', 'enterprise'])[(g.n % 4) + 1],
       lower(g.prefix) || '.example',
       true,
       true,
       10 + (g.n % 5),
       2 + (g.n % 3),
       TIMESTAMPTZ '2025-01-06 09:00:00+00' + g.n * interval '6 days 5 hours 17 minutes'
FROM (
    SELECT s.n,
           p.prefix,
           p.prefix || ' ' || (ARRAY['Robotics', 'Analytics', 'Labs', 'Logistics', 'Health', 'Systems',
                                     'Energy', 'Foods', 'Media', 'Capital', 'Networks', 'Software',
                                     'Dynamics'])[((s.n * 5) % 13) + 1] AS name
    FROM generate_series(4, 30) AS s(n)
    CROSS JOIN LATERAL (
        SELECT (ARRAY['Aurora', 'Birchwood', 'Copperline', 'Dovetail', 'Ember', 'Falcon', 'Granite',
                      'Helios', 'Ironbark', 'Juniper', 'Kestrel', 'Lumen', 'Meridian', 'Northwind',
                      'Oakridge', 'Pinnacle', 'Quartz', 'Redwood', 'Silverline', 'Tidewater', 'Umber',
                      'Vantage', 'Willow', 'Xenon', 'Yarrow', 'Zephyr', 'Summit'])[s.n - 3] AS prefix
    ) p
) g;

-- Teams. generic = roster generated from the org's users (team number k of team_count).
CREATE TEMP TABLE seed_team (
    team_id    uuid        PRIMARY KEY,
    name       text        NOT NULL,
    org_n      integer     NOT NULL,
    k          integer,
    nemo_org_n integer,
    lite_org_n integer,
    generic    boolean     NOT NULL,
    created_at timestamptz NOT NULL
);

INSERT INTO seed_team (team_id, name, org_n, k, nemo_org_n, lite_org_n, generic, created_at)
SELECT v.team_id::uuid, v.name, v.org_n, v.k, v.nemo_org_n, v.lite_org_n, v.generic,
       o.created_at + coalesce(v.k, 5) * interval '2 days 3 hours'
FROM (VALUES
    ('7ea70000-0000-4000-8000-00000000a001', 'Platform',          1,  1,    1,    1,    true),
    ('7ea70000-0000-4000-8000-00000000a002', 'Research',          1,  2,    1,    1,    true),
    ('7ea70000-0000-4000-8000-00000000a003', 'Applied ML',        1,  3,    1,    1,    true),
    ('7ea70000-0000-4000-8000-00000000a004', 'Customer Success',  1,  4,    1,    1,    true),
    ('7ea70000-0000-4000-8000-00000000b001', 'Warehouse Systems', 2,  1,    2,    2,    true),
    ('7ea70000-0000-4000-8000-00000000b002', 'Fleet Ops',         2,  2,    2,    2,    true),
    ('7ea70000-0000-4000-8000-00000000c001', 'Clinical Apps',     3,  1,    3,    3,    true),
    ('7ea70000-0000-4000-8000-00000000c002', 'Patient Portal',    3,  2,    3,    3,    true),
    -- drift 1: nemo only
    ('7ea70000-0000-4000-8000-00000000d001', 'Ghostwire Core',    31, NULL, 31,   NULL, false),
    -- drift 2: LiteLLM only (roster = both Legacy Proxy Tenant users)
    ('7ea70000-0000-4000-8000-00000000d002', 'legacy-team',       32, 1,    NULL, 32,   true),
    -- drift 3: nemo says Blue Harbor Logistics, LiteLLM says Cedar Point Health
    ('7ea70000-0000-4000-8000-00000000d003', 'Data Science',      2,  NULL, 2,    3,    false),
    -- drift 7: members_with_roles = '{}'
    ('7ea70000-0000-4000-8000-00000000d007', 'Sandbox',           3,  NULL, 3,    3,    false)
) AS v(team_id, name, org_n, k, nemo_org_n, lite_org_n, generic)
JOIN seed_org o ON o.n = v.org_n;

INSERT INTO seed_team (team_id, name, org_n, k, nemo_org_n, lite_org_n, generic, created_at)
SELECT md5('team-' || o.n || '-' || k)::uuid,
       (ARRAY['Infrastructure', 'Research', 'Applied ML', 'Growth', 'Customer Success', 'Security',
              'Data Engineering', 'Mobile', 'Finance Ops', 'Billing', 'Search', 'Integrations',
              'Quality', 'Design Systems', 'Developer Experience', 'Analytics'])[((o.n * 3 + k - 1) % 16) + 1],
       o.n, k, o.n, o.n, true,
       o.created_at + k * interval '2 days 3 hours'
FROM seed_org o
CROSS JOIN LATERAL generate_series(1, o.team_count) AS k
WHERE o.n BETWEEN 4 AND 30;

-- Users. i = number of the user inside their (first) organization.
CREATE TEMP TABLE seed_user (
    user_id         uuid        PRIMARY KEY,
    lite_id         text        NOT NULL UNIQUE,
    org_n           integer     NOT NULL,
    i               integer     NOT NULL,
    email           text        NOT NULL UNIQUE,
    full_name       text        NOT NULL,
    global_role     text        NOT NULL,
    created_at      timestamptz NOT NULL,
    last_sign_in_at timestamptz
);

INSERT INTO seed_user (user_id, lite_id, org_n, i, email, full_name, global_role, created_at, last_sign_in_at)
SELECT x.user_id, x.user_id::text, x.n, x.i,
       lower(x.first_name) || '.' || lower(x.last_name) || '@' || x.domain,
       x.first_name || ' ' || x.last_name,
       CASE WHEN x.n = 1 AND x.i = 1 THEN 'proxy_admin'
            WHEN x.i = 1 AND x.n BETWEEN 2 AND 10 THEN 'org_admin'
            ELSE 'internal_user' END,
       x.created_at,
       CASE WHEN x.i % 6 = 0 THEN NULL
            ELSE TIMESTAMPTZ '2026-10-01 08:00:00+00' + ((x.n * 17 + x.i * 29) % 500) * interval '83 minutes' END
FROM (
    SELECT md5('user-' || o.n || '-' || i)::uuid AS user_id, o.n, i, o.domain,
           (ARRAY['Ava', 'Ben', 'Chloe', 'Daniel', 'Elena', 'Felix', 'Grace', 'Hugo', 'Isla', 'Jonas',
                  'Kira', 'Liam', 'Maya', 'Noah', 'Olivia', 'Priya', 'Quinn', 'Ravi', 'Sofia', 'Tomas'])[((i - 1 + o.n) % 20) + 1] AS first_name,
           (ARRAY['Anderson', 'Brooks', 'Chen', 'Diaz', 'Evans', 'Fischer', 'Garcia', 'Hughes', 'Ito',
                  'Johansson', 'Kim', 'Lopez', 'Murphy', 'Nakamura', 'Okafor', 'Patel', 'Rossi', 'Schmidt',
                  'Tanaka', 'Usman', 'Vargas', 'Walsh', 'Young', 'Zhang'])[(((i - 1) * 7 + o.n * 3) % 24) + 1] AS last_name,
           o.created_at + i * interval '1 day 2 hours' AS created_at
    FROM seed_org o
    CROSS JOIN LATERAL generate_series(1, o.user_count) AS i
) x;

-- Drift users (i > 100: never picked by the generated rosters).
INSERT INTO seed_user (user_id, lite_id, org_n, i, email, full_name, global_role, created_at, last_sign_in_at) VALUES
    -- drift 4: Cedar Point Health member on Blue Harbor's 'Fleet Ops' roster
    ('5e550000-0000-4000-8000-00000000d004', '5e550000-0000-4000-8000-00000000d004', 3, 101,
     'rogue.member@outside.example', 'Rory Outsider', 'internal_user',
     TIMESTAMPTZ '2025-03-03 12:00:00+00', TIMESTAMPTZ '2026-11-02 09:15:00+00'),
    -- drift 5: on the 'Fleet Ops' roster, but LiteLLM_UserTable.teams = '{}'
    ('5e550000-0000-4000-8000-00000000d005', '5e550000-0000-4000-8000-00000000d005', 2, 101,
     'drifted.roster@blueharbor.example', 'Dana Drift', 'internal_user',
     TIMESTAMPTZ '2025-03-04 12:00:00+00', TIMESTAMPTZ '2026-11-03 10:20:00+00'),
    -- drift 6: uppercase LiteLLM user_id
    ('5e550000-0000-4000-8000-00000000d006', '5E550000-0000-4000-8000-00000000D006', 3, 102,
     'upper.case@cedarpoint.example', 'Uma Upper', 'internal_user',
     TIMESTAMPTZ '2025-03-05 12:00:00+00', TIMESTAMPTZ '2026-11-04 11:25:00+00');

-- Organization memberships (LiteLLM side only; nemo has no membership table).
CREATE TEMP TABLE seed_org_member (
    user_id uuid    NOT NULL,
    org_n   integer NOT NULL,
    role    text    NOT NULL,
    PRIMARY KEY (user_id, org_n)
);

INSERT INTO seed_org_member (user_id, org_n, role)
SELECT u.user_id, u.org_n,
       CASE WHEN u.i = 1 THEN 'org_admin'
            WHEN u.i % 4 = 0 THEN 'internal_user_viewer'
            ELSE 'internal_user' END
FROM seed_user u;

-- A few users also belong to a second organization (viewer, no teams there).
INSERT INTO seed_org_member (user_id, org_n, role)
SELECT u.user_id, u.org_n + 1, 'internal_user_viewer'
FROM seed_user u
WHERE u.org_n BETWEEN 4 AND 29 AND u.org_n % 5 = 0 AND u.i = 2;

-- Team rosters. sort_key orders the roster; the first member is the team admin.
CREATE TEMP TABLE seed_roster_src (
    team_id       uuid    NOT NULL,
    user_id       uuid    NOT NULL,
    sort_key      integer NOT NULL,
    in_user_teams boolean NOT NULL,
    PRIMARY KEY (team_id, user_id)
);

-- Generated rosters: user i of an org (all but the org's last user when it has more than two)
-- is on team ((i-1) mod T)+1, and every third user also on team (i mod T)+1.
INSERT INTO seed_roster_src (team_id, user_id, sort_key, in_user_teams)
SELECT t.team_id, u.user_id, u.i, true
FROM seed_team t
JOIN seed_org o ON o.n = t.org_n
JOIN seed_user u ON u.org_n = o.n
WHERE t.generic
  AND u.i <= CASE WHEN o.user_count > 2 THEN o.user_count - 1 ELSE o.user_count END
  AND (((u.i - 1) % o.team_count) + 1 = t.k
       OR (o.team_count > 1 AND u.i % 3 = 0 AND (u.i % o.team_count) + 1 = t.k));

-- drift 3: 'Data Science' roster = Cedar Point Health members (its LiteLLM org).
INSERT INTO seed_roster_src (team_id, user_id, sort_key, in_user_teams)
SELECT '7ea70000-0000-4000-8000-00000000d003'::uuid, u.user_id, u.i, true
FROM seed_user u
WHERE u.org_n = 3 AND u.i IN (2, 4, 7);

-- drifts 4 and 5: appended at the end of 'Fleet Ops'.
INSERT INTO seed_roster_src (team_id, user_id, sort_key, in_user_teams) VALUES
    ('7ea70000-0000-4000-8000-00000000b002', '5e550000-0000-4000-8000-00000000d004', 1001, true),
    ('7ea70000-0000-4000-8000-00000000b002', '5e550000-0000-4000-8000-00000000d005', 1002, false);

CREATE TEMP TABLE seed_team_member AS
SELECT r.team_id, r.user_id, r.sort_key, r.in_user_teams,
       row_number() OVER (PARTITION BY r.team_id ORDER BY r.sort_key)::integer AS pos,
       CASE WHEN row_number() OVER (PARTITION BY r.team_id ORDER BY r.sort_key) = 1
            THEN 'admin' ELSE 'user' END AS role
FROM seed_roster_src r;

-- Virtual keys: the first two roster members of every regular team present on both sides.
CREATE TEMP TABLE seed_key AS
SELECT row_number() OVER (ORDER BY t.org_n, t.k, m.pos)::integer AS kn,
       t.team_id, t.name AS team_name, t.org_n, t.created_at AS team_created_at,
       m.user_id, m.pos, u.lite_id, u.email
FROM seed_team_member m
JOIN seed_team t ON t.team_id = m.team_id
JOIN seed_user u ON u.user_id = m.user_id
WHERE t.generic AND t.nemo_org_n IS NOT NULL AND t.lite_org_n IS NOT NULL
  AND m.pos <= 2 AND m.sort_key < 1000;

ALTER TABLE seed_key ADD COLUMN token text;
ALTER TABLE seed_key ADD COLUMN key_alias text;
ALTER TABLE seed_key ADD COLUMN active_n integer;
UPDATE seed_key
SET token = encode(sha256(convert_to('sk-demo-' || kn, 'UTF8')), 'hex'),
    key_alias = lower(regexp_replace(team_name, '[^A-Za-z0-9]+', '-', 'g')) || '-' || split_part(email, '@', 1);
-- Keys that are neither blocked (kn mod 17 = 0) nor expired (kn mod 13 = 0) get the recent traffic.
UPDATE seed_key k
SET active_n = a.active_n
FROM (SELECT kn, row_number() OVER (ORDER BY kn)::integer AS active_n
      FROM seed_key WHERE kn % 17 <> 0 AND kn % 13 <> 0) a
WHERE a.kn = k.kn;

-- Agent sessions: spread over the regular teams present on both sides.
CREATE TEMP TABLE seed_session AS
WITH teams AS (
    SELECT row_number() OVER (ORDER BY t.org_n, t.k)::integer AS tn, t.team_id, o.id AS org_id
    FROM seed_team t JOIN seed_org o ON o.n = t.org_n
    WHERE t.generic AND t.nemo_org_n IS NOT NULL AND t.lite_org_n IS NOT NULL
), cnt AS (SELECT count(*)::integer AS nt FROM teams)
SELECT g AS sn,
       md5('agent-session-' || g)::uuid AS id,
       tm.org_id, tm.team_id,
       (ARRAY['support-triage', 'code-reviewer', 'research-assistant', 'sql-analyst',
              'release-notes-writer', 'incident-responder'])[(g % 6) + 1] AS agent_id,
       TIMESTAMPTZ '2026-08-01 00:00:00+00' + g * interval '4 hours 41 minutes' AS created_at
FROM generate_series(1, 260) AS g
CROSS JOIN cnt
JOIN teams tm ON tm.tn = ((g - 1) % cnt.nt) + 1;

-- ---------------------------------------------------------------------------------------------
-- auth.users
-- ---------------------------------------------------------------------------------------------

INSERT INTO auth.users (instance_id, id, aud, role, email, encrypted_password, email_confirmed_at,
                        last_sign_in_at, raw_app_meta_data, raw_user_meta_data, is_super_admin,
                        created_at, updated_at, phone, banned_until, is_sso_user, deleted_at, is_anonymous)
SELECT '00000000-0000-0000-0000-000000000000', u.user_id, 'authenticated', 'authenticated', u.email, NULL,
       u.created_at + interval '7 minutes',
       u.last_sign_in_at,
       '{"provider": "email", "providers": ["email"]}'::jsonb,
       jsonb_build_object('full_name', u.full_name),
       false,
       u.created_at, coalesce(u.last_sign_in_at, u.created_at + interval '7 minutes'),
       NULL, NULL, false, NULL, false
FROM seed_user u;

-- ---------------------------------------------------------------------------------------------
-- nemo
-- ---------------------------------------------------------------------------------------------

INSERT INTO nemo.organizations (organization_id, name, slug, plan, created_at, updated_at)
SELECT o.id, o.name, o.slug, o.plan, o.created_at, o.created_at + interval '14 days'
FROM seed_org o
WHERE o.in_nemo;

INSERT INTO nemo.teams (team_id, organization_id, name, created_at)
SELECT t.team_id, o.id, t.name, t.created_at
FROM seed_team t
JOIN seed_org o ON o.n = t.nemo_org_n;

INSERT INTO nemo.credit_balances (organization_id, balance_credits, updated_at)
SELECT o.id,
       round((250 + (o.n * 7919) % 48000 + o.n / 7.0)::numeric, 10),
       TIMESTAMPTZ '2026-11-20 00:00:00+00' + o.n * interval '1 hour'
FROM seed_org o
WHERE o.in_nemo;

INSERT INTO nemo.agent_sessions (id, organization_id, team_id, agent_id, created_at, closed_at)
SELECT s.id, s.org_id, s.team_id, s.agent_id, s.created_at,
       CASE WHEN s.sn % 7 = 0 THEN NULL
            ELSE s.created_at + ((s.sn * 13) % 90 + 2) * interval '1 minute' END
FROM seed_session s;

INSERT INTO nemo.tool_call_log (id, session_id, organization_id, tool_id, status, created_at)
SELECT md5('tool-call-' || g)::uuid, s.id, s.org_id,
       (ARRAY['web.search', 'sql.query', 'github.create_issue', 'slack.post_message',
              'fs.read_file', 'jira.search', 'http.fetch'])[(g % 7) + 1],
       CASE WHEN g % 29 = 0 THEN 'timeout' WHEN g % 11 = 0 THEN 'error' ELSE 'ok' END,
       s.created_at + ((g * 7) % 600) * interval '1 second'
FROM generate_series(1, 780) AS g
CROSS JOIN (SELECT count(*)::integer AS ns FROM seed_session) c
JOIN seed_session s ON s.sn = ((g - 1) % c.ns) + 1;

-- ---------------------------------------------------------------------------------------------
-- LiteLLM (public)
-- ---------------------------------------------------------------------------------------------

INSERT INTO "LiteLLM_BudgetTable" ("budget_id", "max_budget", "soft_budget", "max_parallel_requests",
                                   "tpm_limit", "rpm_limit", "budget_duration", "budget_reset_at",
                                   "created_at", "created_by", "updated_at", "updated_by")
SELECT md5('budget-org-' || o.n)::uuid::text,
       CASE o.plan WHEN 'free' THEN 100 WHEN 'pro' THEN 1000 WHEN 'team' THEN 5000 ELSE 25000 END,
       CASE o.plan WHEN 'free' THEN 80 WHEN 'pro' THEN 800 WHEN 'team' THEN 4000 ELSE 20000 END,
       NULL,
       CASE WHEN o.plan = 'enterprise' THEN 2000000 WHEN o.plan = 'free' THEN 50000 ELSE NULL END,
       CASE WHEN o.plan = 'enterprise' THEN 5000 WHEN o.plan = 'free' THEN 60 ELSE NULL END,
       '30d',
       TIMESTAMP '2026-12-01 00:00:00',
       o.created_at AT TIME ZONE 'UTC', 'default_user_id',
       o.created_at AT TIME ZONE 'UTC', 'default_user_id'
FROM seed_org o
WHERE o.in_lite;

INSERT INTO "LiteLLM_OrganizationTable" ("organization_id", "organization_alias", "budget_id", "metadata",
                                         "models", "spend", "model_spend", "created_at", "created_by",
                                         "updated_at", "updated_by")
SELECT o.id::text, o.name, md5('budget-org-' || o.n)::uuid::text, '{}'::jsonb,
       ARRAY[]::text[], 0, '{}'::jsonb,
       o.created_at AT TIME ZONE 'UTC', 'default_user_id',
       o.created_at AT TIME ZONE 'UTC', 'default_user_id'
FROM seed_org o
WHERE o.in_lite;

INSERT INTO "LiteLLM_TeamTable" ("team_id", "team_alias", "organization_id", "admins", "members",
                                 "members_with_roles", "metadata", "max_budget", "spend", "models",
                                 "tpm_limit", "rpm_limit", "budget_duration", "budget_reset_at", "blocked",
                                 "created_at", "updated_at", "model_spend", "model_max_budget",
                                 "team_member_permissions")
SELECT t.team_id::text, t.name, o.id::text, ARRAY[]::text[], ARRAY[]::text[],
       coalesce((SELECT jsonb_agg(jsonb_build_object('user_id', u.lite_id, 'user_email', u.email, 'role', m.role)
                                  ORDER BY m.pos)
                 FROM seed_team_member m JOIN seed_user u ON u.user_id = m.user_id
                 WHERE m.team_id = t.team_id),
                '{}'::jsonb),
       '{}'::jsonb,
       CASE WHEN coalesce(t.k, 0) % 2 = 0 THEN 250 ELSE NULL END,
       0,
       CASE (t.org_n + coalesce(t.k, 0)) % 3
            WHEN 0 THEN ARRAY[]::text[]
            WHEN 1 THEN ARRAY['gpt-4o', 'gpt-4o-mini']
            ELSE ARRAY['claude-sonnet-4-5', 'claude-haiku-4-5', 'gpt-4o-mini'] END,
       CASE WHEN t.org_n % 4 = 0 THEN 200000 ELSE NULL END,
       CASE WHEN t.org_n % 4 = 0 THEN 600 ELSE NULL END,
       CASE WHEN coalesce(t.k, 0) % 2 = 0 THEN '30d' ELSE NULL END,
       CASE WHEN coalesce(t.k, 0) % 2 = 0 THEN TIMESTAMP '2026-12-01 00:00:00' ELSE NULL END,
       false,
       t.created_at AT TIME ZONE 'UTC', t.created_at AT TIME ZONE 'UTC',
       '{}'::jsonb, '{}'::jsonb,
       CASE WHEN coalesce(t.k, 0) = 1 THEN ARRAY['/key/generate', '/key/update', '/key/info']
            ELSE ARRAY[]::text[] END
FROM seed_team t
JOIN seed_org o ON o.n = t.lite_org_n;

-- LiteLLM's built-in admin user (not a UUID; not drift).
INSERT INTO "LiteLLM_UserTable" ("user_id", "user_role", "teams", "models", "metadata", "spend",
                                 "created_at", "updated_at")
VALUES ('default_user_id', 'proxy_admin', ARRAY[]::text[], ARRAY[]::text[], '{}'::jsonb, 0,
        TIMESTAMP '2024-06-01 00:00:00', TIMESTAMP '2024-06-01 00:00:00');

INSERT INTO "LiteLLM_UserTable" ("user_id", "user_email", "user_role", "teams", "models", "metadata",
                                 "spend", "created_at", "updated_at")
SELECT u.lite_id, u.email, u.global_role,
       coalesce((SELECT array_agg(m.team_id::text ORDER BY m.team_id::text)
                 FROM seed_team_member m
                 WHERE m.user_id = u.user_id AND m.in_user_teams),
                ARRAY[]::text[]),
       ARRAY[]::text[], '{}'::jsonb, 0,
       u.created_at AT TIME ZONE 'UTC', u.created_at AT TIME ZONE 'UTC'
FROM seed_user u;

INSERT INTO "LiteLLM_OrganizationMembership" ("user_id", "organization_id", "user_role", "spend",
                                              "budget_id", "created_at", "updated_at")
SELECT u.lite_id, o.id::text, om.role, 0, NULL,
       greatest(u.created_at, o.created_at) AT TIME ZONE 'UTC',
       greatest(u.created_at, o.created_at) AT TIME ZONE 'UTC'
FROM seed_org_member om
JOIN seed_user u ON u.user_id = om.user_id
JOIN seed_org o ON o.n = om.org_n;

INSERT INTO "LiteLLM_TeamMembership" ("user_id", "team_id", "spend", "budget_id")
SELECT u.lite_id, m.team_id::text, 0, NULL
FROM seed_team_member m
JOIN seed_user u ON u.user_id = m.user_id;

INSERT INTO "LiteLLM_VerificationToken" ("token", "key_name", "key_alias", "spend", "expires", "models",
                                         "user_id", "team_id", "metadata", "blocked", "max_budget",
                                         "budget_id", "organization_id", "created_at", "created_by",
                                         "updated_at", "updated_by")
SELECT k.token,
       'sk-...' || right('sk-demo-' || k.kn, 4),
       k.key_alias,
       0,
       CASE WHEN k.kn % 13 = 0 THEN TIMESTAMP '2026-06-30 00:00:00'
            WHEN k.kn % 5 = 0 THEN TIMESTAMP '2027-06-30 00:00:00'
            ELSE NULL END,
       ARRAY[]::text[],
       k.lite_id, k.team_id::text, '{}'::jsonb,
       CASE WHEN k.kn % 17 = 0 THEN true ELSE NULL END,
       CASE WHEN k.kn % 4 = 0 THEN 100 ELSE NULL END,
       NULL,
       CASE WHEN k.kn % 10 = 2 THEN NULL ELSE o.id::text END,
       (k.team_created_at + k.pos * interval '1 day 30 minutes') AT TIME ZONE 'UTC', 'default_user_id',
       (k.team_created_at + k.pos * interval '1 day 30 minutes') AT TIME ZONE 'UTC', 'default_user_id'
FROM seed_key k
JOIN seed_org o ON o.n = k.org_n;

INSERT INTO "LiteLLM_SpendLogs" ("request_id", "call_type", "api_key", "spend", "total_tokens",
                                 "prompt_tokens", "completion_tokens", "startTime", "endTime",
                                 "request_duration_ms", "completionStartTime", "model", "model_id",
                                 "model_group", "custom_llm_provider", "api_base", "user", "metadata",
                                 "cache_hit", "cache_key", "request_tags", "team_id", "organization_id",
                                 "end_user", "requester_ip_address", "messages", "response", "status")
SELECT 'chatcmpl-' || md5('spend-' || x.g)::uuid::text,
       'acompletion',
       x.token,
       CASE WHEN x.failed THEN 0
            ELSE round(((x.pt * 2.5 + x.ct * 10.0) / 1000000.0 * x.price)::numeric, 8)::double precision END,
       x.pt + x.ct, x.pt, x.ct,
       x.start_ts,
       x.start_ts + x.ms * interval '1 millisecond',
       x.ms,
       x.start_ts + interval '320 milliseconds',
       x.model, md5('model-' || x.model), x.model, x.provider, x.api_base,
       x.lite_id,
       jsonb_build_object('user_api_key_alias', x.key_alias, 'user_api_key_team_alias', x.team_name),
       'False', '', '[]'::jsonb,
       x.team_id::text, x.org_id::text,
       '', '10.20.' || (x.g % 250) || '.' || ((x.g * 7) % 250),
       '{}'::jsonb, '{}'::jsonb,
       CASE WHEN x.failed THEN 'failure' ELSE 'success' END
FROM (
    SELECT g, k.token, k.lite_id, k.team_id, k.team_name, k.key_alias, o.id AS org_id,
           120 + (g * 53) % 1900 AS pt,
           40 + (g * 31) % 700 AS ct,
           800 + (g * 137) % 9000 AS ms,
           g % 23 = 0 AS failed,
           TIMESTAMP '2026-09-01 00:00:00' + g * interval '1 hour 53 minutes' AS start_ts,
           (ARRAY['gpt-4o', 'gpt-4o-mini', 'claude-sonnet-4-5', 'claude-haiku-4-5', 'gemini-2.5-flash'])[(g % 5) + 1] AS model,
           (ARRAY['openai', 'openai', 'anthropic', 'anthropic', 'gemini'])[(g % 5) + 1] AS provider,
           (ARRAY['https://api.openai.com/v1', 'https://api.openai.com/v1', 'https://api.anthropic.com',
                  'https://api.anthropic.com', 'https://generativelanguage.googleapis.com'])[(g % 5) + 1] AS api_base,
           (ARRAY[1.0, 0.06, 1.2, 0.4, 0.12])[(g % 5) + 1] AS price
    FROM generate_series(1, 600) AS g
    CROSS JOIN (SELECT count(*)::integer AS nk FROM seed_key WHERE active_n IS NOT NULL) c
    JOIN seed_key k ON k.active_n = ((g - 1) % c.nk) + 1
    JOIN seed_org o ON o.n = k.org_n
) x;

-- Roll the logged spend up into keys, teams, users and organizations (as LiteLLM does).
UPDATE "LiteLLM_VerificationToken" v
SET "spend" = s.spend, "last_active" = s.last_active
FROM (SELECT "api_key", sum("spend") AS spend, max("endTime") AS last_active
      FROM "LiteLLM_SpendLogs" GROUP BY "api_key") s
WHERE v."token" = s."api_key";

UPDATE "LiteLLM_TeamTable" t
SET "spend" = s.spend
FROM (SELECT "team_id", sum("spend") AS spend FROM "LiteLLM_SpendLogs" GROUP BY "team_id") s
WHERE t."team_id" = s."team_id";

UPDATE "LiteLLM_UserTable" u
SET "spend" = s.spend
FROM (SELECT "user", sum("spend") AS spend FROM "LiteLLM_SpendLogs" GROUP BY "user") s
WHERE u."user_id" = s."user";

UPDATE "LiteLLM_OrganizationTable" o
SET "spend" = s.spend
FROM (SELECT "organization_id", sum("spend") AS spend FROM "LiteLLM_SpendLogs" GROUP BY "organization_id") s
WHERE o."organization_id" = s."organization_id";

-- Keys that LiteLLM's proxy would reject, one for each common way ("Why is this key rejected?" in the
-- README). Existing keys are changed rather than added, so the key count stays the same:
--   sk-demo-17 blocked and sk-demo-13 expired (kn mod 17 / kn mod 13 above);
--   sk-demo-19 over its budget: max_budget set below its spend;
--   sk-demo-21 may call gpt-4o-mini only (rejected for any other model);
--   sk-demo-23 (and sk-demo-24) in team 'Analytics', whose spend is over its max_budget.
UPDATE "LiteLLM_VerificationToken"
SET "max_budget" = round(("spend" * 0.9)::numeric, 4)::double precision
WHERE "token" = encode(sha256(convert_to('sk-demo-19', 'UTF8')), 'hex');

UPDATE "LiteLLM_VerificationToken"
SET "models" = ARRAY['gpt-4o-mini']
WHERE "token" = encode(sha256(convert_to('sk-demo-21', 'UTF8')), 'hex');

UPDATE "LiteLLM_TeamTable" t
SET "max_budget" = round((t."spend" * 0.9)::numeric, 4)::double precision
FROM "LiteLLM_VerificationToken" v
WHERE v."token" = encode(sha256(convert_to('sk-demo-23', 'UTF8')), 'hex') AND t."team_id" = v."team_id";

-- A few audit log entries (Acme's Platform team, its first key, and its organization).
INSERT INTO "LiteLLM_AuditLog" ("id", "updated_at", "changed_by", "changed_by_api_key", "action",
                                "table_name", "object_id", "before_value", "updated_values")
VALUES
    (md5('audit-1')::uuid::text, TIMESTAMP '2025-01-06 09:00:00', 'default_user_id', '', 'created',
     'LiteLLM_OrganizationTable', '550e8400-e29b-41d4-a716-446655440000', NULL,
     '{"organization_id": "550e8400-e29b-41d4-a716-446655440000", "organization_alias": "Acme Robotics"}'),
    (md5('audit-2')::uuid::text, TIMESTAMP '2025-01-08 12:00:00', 'default_user_id', '', 'created',
     'LiteLLM_TeamTable', '7ea70000-0000-4000-8000-00000000a001', NULL,
     '{"team_id": "7ea70000-0000-4000-8000-00000000a001", "team_alias": "Platform", "organization_id": "550e8400-e29b-41d4-a716-446655440000"}'),
    (md5('audit-3')::uuid::text, TIMESTAMP '2025-01-09 12:30:00', 'default_user_id', '', 'created',
     'LiteLLM_VerificationToken', encode(sha256(convert_to('sk-demo-1', 'UTF8')), 'hex'), NULL,
     '{"key_alias": "platform-key", "team_id": "7ea70000-0000-4000-8000-00000000a001"}');

UPDATE "LiteLLM_AuditLog" a
SET "updated_values" = jsonb_set(a."updated_values", '{key_alias}', to_jsonb(v."key_alias"))
FROM "LiteLLM_VerificationToken" v
WHERE a."id" = md5('audit-3')::uuid::text AND v."token" = a."object_id";

-- ---------------------------------------------------------------------------------------------
-- Clean up
-- ---------------------------------------------------------------------------------------------

DROP TABLE seed_session;
DROP TABLE seed_key;
DROP TABLE seed_team_member;
DROP TABLE seed_roster_src;
DROP TABLE seed_org_member;
DROP TABLE seed_user;
DROP TABLE seed_team;
DROP TABLE seed_org;

ANALYZE;
