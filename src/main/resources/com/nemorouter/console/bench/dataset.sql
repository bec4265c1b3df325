-- Nemo Console benchmark dataset, shaped like a production NemoRouter database.
--
-- Runs after demo/schema.sql (the same tables and only LiteLLM's own indexes) on an empty database.
-- :scale is replaced by the number of organizations before it runs. Each "-- step:" section is sent as
-- one multi-statement string on one connection, so the progress can be printed between them.
-- Everything is set-based (generate_series, joins, aggregates); no loops, no per-row round trips.
--
-- Shape at :scale organizations (the issue's 100k row figures at the default scale):
--   3 teams per org; 10 users per org; about 2 org memberships per user with a long tail of org sizes
--   (org n gets about (n/scale)^(-2/3) of the average, so the first orgs have tens of thousands of
--   members at 100k); most members sit on one of their org's teams, rosters as JSON arrays;
--   3 keys per org; 10 SpendLogs rows per org; small NemoRouter feature tables.
-- Drift, about 1% of each audited kind (row numbers modulo 100 pick them, so they are spread out):
--   org only in nemo (n%100 = 7), org only in LiteLLM (13), team only in nemo (23), team only in
--   LiteLLM (29), team whose LiteLLM org differs (31), members_with_roles '{}' (37), user missing from
--   auth (17), user's teams array missing a roster team (41), roster entry without TeamMembership (43),
--   key whose org differs from its team's (47), user id stored in upper case in LiteLLM (53).

-- step: organizations and users
SET session_replication_role = replica;
SELECT setseed(0.42);
DROP SCHEMA IF EXISTS bench_stage CASCADE;
CREATE SCHEMA bench_stage;
CREATE UNLOGGED TABLE bench_stage.org AS
SELECT n,
       md5('bench-org-' || n)::uuid AS id,
       (array['Acme','Blue','Cedar','Delta','Ember','Falcon','Granite','Harbor','Iris','Juniper',
              'Kestrel','Lumen','Maple','Nimbus','Orchid','Pine','Quartz','Raven','Summit','Tidal'])[1 + n % 20]
         || ' ' ||
       (array['Analytics','Robotics','Logistics','Health','Capital','Labs','Systems','Media','Energy','Foods',
              'Works','Studio','Networks','Bio','Motors','Retail','Cloud','Security','Travel','Legal',
              'Finance','Games','Mining','Textiles','Aero'])[1 + (n / 20) % 25]
         || ' ' || n AS name,
       n % 100 <> 13 AS in_nemo,
       n % 100 <> 7 AS in_lite
FROM generate_series(1, :scale) n;
ALTER TABLE bench_stage.org ADD PRIMARY KEY (n);
CREATE UNLOGGED TABLE bench_stage.usr AS
SELECT n,
       md5('bench-user-' || n)::uuid AS id,
       'user' || n || '@tenant' || (n % 997) || '.example' AS email,
       n % 100 <> 17 AS in_auth
FROM generate_series(1, 10 * :scale) n;
ALTER TABLE bench_stage.usr ADD PRIMARY KEY (n);
INSERT INTO public."LiteLLM_BudgetTable" (budget_id, max_budget, created_by, updated_by)
VALUES ('bench-budget', 1000, 'bench', 'bench');

-- step: org memberships (long tail)
CREATE UNLOGGED TABLE bench_stage.member AS
SELECT row_number() OVER (ORDER BY u, o) AS id, u, o,
       -- most members sit on one of their org's three teams
       CASE WHEN (u * 7 + o) % 10 < 7 THEN (u + o) % 3 END AS slot
FROM (
    SELECT u, least(:scale, 1 + floor(:scale * power(random(), 3))::int) AS o
    FROM generate_series(1, 10 * :scale) u, generate_series(1, 2) j
) picks
GROUP BY u, o;
CREATE UNLOGGED TABLE bench_stage.team AS
SELECT (o.n - 1) * 3 + s.slot + 1 AS n, o.n AS o, s.slot,
       md5('bench-team-' || ((o.n - 1) * 3 + s.slot + 1))::uuid AS id,
       split_part(o.name, ' ', 1) || ' ' || (array['Platform','Research','Operations'])[s.slot + 1] AS name,
       o.in_nemo AND ((o.n - 1) * 3 + s.slot + 1) % 100 <> 29 AS in_nemo,
       o.in_lite AND ((o.n - 1) * 3 + s.slot + 1) % 100 <> 23 AS in_lite
FROM bench_stage.org o, generate_series(0, 2) s(slot);
ALTER TABLE bench_stage.team ADD PRIMARY KEY (n);

-- step: nemo and auth
INSERT INTO nemo.organizations (organization_id, name, slug, plan, created_at)
SELECT id, name, 'org-' || n, (array['free','pro','team','enterprise'])[1 + n % 4],
       timestamptz '2025-01-01 00:00:00+00' + n * interval '1 minute'
FROM bench_stage.org WHERE in_nemo;
INSERT INTO nemo.teams (team_id, organization_id, name, created_at)
SELECT t.id, o.id, t.name, timestamptz '2025-01-01 00:00:00+00' + t.n * interval '1 minute'
FROM bench_stage.team t JOIN bench_stage.org o ON o.n = t.o WHERE t.in_nemo;
INSERT INTO nemo.credit_balances (organization_id, balance_credits, updated_at)
SELECT id, n % 5000, timestamptz '2026-01-01 00:00:00+00' FROM bench_stage.org WHERE in_nemo;
INSERT INTO nemo.agent_sessions (id, organization_id, team_id, agent_id, created_at)
SELECT md5('bench-session-' || t.n)::uuid, o.id, t.id, 'agent-' || (t.n % 7),
       timestamptz '2026-01-01 00:00:00+00' + t.n * interval '1 second'
FROM bench_stage.team t JOIN bench_stage.org o ON o.n = t.o WHERE t.slot = 0 AND o.in_nemo;
INSERT INTO nemo.tool_call_log (id, session_id, organization_id, tool_id, status, created_at)
SELECT md5('bench-tool-' || t.n || '-' || k)::uuid, md5('bench-session-' || t.n)::uuid, o.id, 'tool-' || k, 'ok',
       timestamptz '2026-01-01 00:00:00+00' + t.n * interval '1 second'
FROM bench_stage.team t JOIN bench_stage.org o ON o.n = t.o, generate_series(1, 2) k
WHERE t.slot = 0 AND o.in_nemo;
INSERT INTO auth.users (instance_id, id, aud, role, email, email_confirmed_at, raw_app_meta_data,
                        raw_user_meta_data, is_super_admin, created_at, updated_at)
SELECT '00000000-0000-0000-0000-000000000000', id, 'authenticated', 'authenticated', email,
       timestamptz '2025-01-01 00:00:00+00' + n * interval '1 second',
       '{"provider": "email", "providers": ["email"]}'::jsonb,
       jsonb_build_object('full_name', 'User ' || n), false,
       timestamptz '2025-01-01 00:00:00+00' + n * interval '1 second',
       timestamptz '2025-01-01 00:00:00+00' + n * interval '1 second'
FROM bench_stage.usr WHERE in_auth;

-- step: LiteLLM organizations, teams and rosters
INSERT INTO public."LiteLLM_OrganizationTable" (organization_id, organization_alias, budget_id, created_by, updated_by)
SELECT id::text, name, 'bench-budget', 'bench', 'bench' FROM bench_stage.org WHERE in_lite;
INSERT INTO public."LiteLLM_TeamTable" (team_id, team_alias, organization_id, members_with_roles, blocked)
SELECT t.id::text, t.name,
       CASE WHEN t.n % 100 = 31 THEN md5('bench-org-' || (t.o % :scale + 1))::uuid::text ELSE o.id::text END,
       CASE WHEN t.n % 100 = 37 THEN '{}'::jsonb ELSE coalesce(r.roster, '[]'::jsonb) END,
       false
FROM bench_stage.team t
JOIN bench_stage.org o ON o.n = t.o
LEFT JOIN (
    SELECT m.o, m.slot,
           jsonb_agg(jsonb_build_object('role', CASE WHEN m.id % 50 = 0 THEN 'admin' ELSE 'user' END,
                                        'user_id', u.id::text, 'user_email', u.email) ORDER BY m.id) AS roster
    FROM bench_stage.member m JOIN bench_stage.usr u ON u.n = m.u
    WHERE m.slot IS NOT NULL
    GROUP BY m.o, m.slot
) r ON r.o = t.o AND r.slot = t.slot
WHERE t.in_lite;

-- step: LiteLLM users and memberships
INSERT INTO public."LiteLLM_UserTable" (user_id, user_email, user_role, teams, created_at, updated_at)
SELECT CASE WHEN u.n % 100 = 53 THEN upper(u.id::text) ELSE u.id::text END, u.email, 'internal_user',
       CASE WHEN u.n % 100 = 41 THEN ARRAY[]::text[] ELSE coalesce(ts.teams, ARRAY[]::text[]) END,
       timestamp '2025-01-01 00:00:00' + u.n * interval '1 second',
       timestamp '2025-01-01 00:00:00' + u.n * interval '1 second'
FROM bench_stage.usr u
LEFT JOIN (
    SELECT m.u, array_agg(t.id::text ORDER BY t.n) AS teams
    FROM bench_stage.member m JOIN bench_stage.team t ON t.o = m.o AND t.slot = m.slot
    WHERE t.in_lite AND t.n % 100 <> 37
    GROUP BY m.u
) ts ON ts.u = u.n;
INSERT INTO public."LiteLLM_OrganizationMembership" (user_id, organization_id, user_role, created_at, updated_at)
SELECT CASE WHEN u.n % 100 = 53 THEN upper(u.id::text) ELSE u.id::text END, o.id::text,
       CASE WHEN m.id % 40 = 0 THEN 'org_admin' ELSE 'internal_user' END,
       timestamp '2025-01-01 00:00:00', timestamp '2025-01-01 00:00:00'
FROM bench_stage.member m
JOIN bench_stage.usr u ON u.n = m.u
JOIN bench_stage.org o ON o.n = m.o
WHERE o.in_lite;
INSERT INTO public."LiteLLM_TeamMembership" (user_id, team_id)
SELECT u.id::text, t.id::text
FROM bench_stage.member m
JOIN bench_stage.usr u ON u.n = m.u
JOIN bench_stage.team t ON t.o = m.o AND t.slot = m.slot
WHERE t.in_lite AND t.n % 100 <> 37 AND u.n % 100 <> 43 AND u.n % 100 <> 53;

-- step: keys
CREATE UNLOGGED TABLE bench_stage.key AS
SELECT k.k, encode(sha256(convert_to('sk-bench-' || k.k, 'UTF8')), 'hex') AS token,
       u.id::text AS user_id, t.id::text AS team_id,
       CASE WHEN k.k % 100 = 47 THEN md5('bench-org-' || (m.o % :scale + 1))::uuid::text
            WHEN k.k % 2 = 0 THEN o.id::text END AS organization_id
FROM generate_series(1, 3 * :scale) k(k)
JOIN bench_stage.member m ON m.id = 1 + (k.k::bigint * 7919) % (SELECT count(*) FROM bench_stage.member)
JOIN bench_stage.usr u ON u.n = m.u
JOIN bench_stage.org o ON o.n = m.o
LEFT JOIN bench_stage.team t ON t.o = m.o AND t.slot = m.slot AND t.in_lite;
INSERT INTO public."LiteLLM_VerificationToken" (token, key_name, key_alias, user_id, team_id, organization_id,
                                                expires, created_at, created_by, updated_at, updated_by)
SELECT token, 'sk-...' || right(token, 4), 'bench-key-' || k, user_id, team_id, organization_id,
       CASE WHEN k % 10 = 0 THEN timestamp '2025-06-01 00:00:00' END,
       timestamp '2025-01-01 00:00:00', 'bench', timestamp '2025-01-01 00:00:00', 'bench'
FROM bench_stage.key;

-- step: spend logs
INSERT INTO public."LiteLLM_SpendLogs" (request_id, call_type, api_key, spend, total_tokens, prompt_tokens,
                                        completion_tokens, "startTime", "endTime", model, "user", team_id,
                                        organization_id, status)
SELECT 'req-' || i, 'acompletion', k.token, (i % 100) / 1000.0, 300, 200, 100,
       timestamp '2026-01-01 00:00:00' + i * interval '1 second',
       timestamp '2026-01-01 00:00:02' + i * interval '1 second',
       'gpt-4o-mini', k.user_id, k.team_id, k.organization_id, 'success'
FROM generate_series(1, 10 * :scale) i
JOIN bench_stage.key k ON k.k = 1 + i % (3 * :scale);

-- step: clean up
DROP SCHEMA bench_stage CASCADE;
SET session_replication_role = origin;
