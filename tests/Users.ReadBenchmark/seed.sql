-- The issue's scale for the users read path: 100,000 users in 2,000 workspaces, runs by 40 % of them
-- (20 per workspace) spread evenly over the 60 days before :end (~1.3 M activity events), as the
-- benchmark's first, uniform dataset sent them (tests/Benchmarks now uses the simulator's generator).
-- Run on a database migrated with 001 only, then apply the others (002's backfill builds
-- user_activity_spans from the raw events):
--   psql -v end="'2026-11-30'" -f seed.sql
\set days 60
\set events 1300000
SELECT setseed(0.42);

INSERT INTO users (workspace_id, user_id, user_key, first_seen_at, name, named_at)
SELECT format('bw_%s', lpad((u % 2000)::text, 5, '0')), 'bu_' || u, u + 1,
       :end::timestamptz - make_interval(days => :days) + random() * make_interval(days => :days), 'User ' || u, NULL
FROM generate_series(0, 99999) u;

INSERT INTO activity_events (event_id, workspace_id, user_key, occurred_at, from_run)
SELECT 'bench-run-' || i, format('bw_%s', lpad((i % 2000)::text, 5, '0')),
       (i % 2000) + 2000 * floor(random() * 20)::int + 1,
       :end::timestamptz - make_interval(days => :days) + (i + random()) * make_interval(days => :days) / :events,
       false
FROM generate_series(0, :events - 1) i;

-- Users first seen no later than their first run.
UPDATE users u SET first_seen_at = f.first FROM (
    SELECT user_key, min(occurred_at) AS first FROM activity_events GROUP BY user_key) f
WHERE u.user_key = f.user_key AND f.first < u.first_seen_at;

INSERT INTO scope_bounds (scope, earliest_event_at)
SELECT coalesce(workspace_id, '*'), min(t) FROM (
    SELECT workspace_id, first_seen_at AS t FROM users) x
GROUP BY ROLLUP (workspace_id);
ANALYZE;
