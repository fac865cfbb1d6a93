-- The earliest event of each scope (a workspace id, or '*' for the platform): the start of `all` (ScopeBounds).
-- IF NOT EXISTS: databases created before the platform owned this table made it in their service's 001_initial.
CREATE TABLE IF NOT EXISTS scope_bounds (
    scope             text PRIMARY KEY,
    earliest_event_at timestamptz NOT NULL
);
