-- Events the rollup folder could not fold (Ingest/RollupFolder.cs): a queued row that does not decode into an event, or
-- whose sums the database refuses (a data exception or a constraint, SQLSTATE class 22 or 23). Each is kept here with
-- every field exactly as it was queued, and the error; it is logged, counted (meter ExecutiveDashboard.Executions.Ingest)
-- and raised as an `ingest-quarantine` alert. Every other event of its chunk is folded, and the folder moves on. The raw
-- run stays in `runs`. The queued fields are nullable and unbounded here, whatever the queue's constraints become, so
-- that setting a row aside can never fail on the row itself.
CREATE TABLE quarantined_events (
    quarantined_at timestamptz NOT NULL DEFAULT now(),
    error          text NOT NULL,
    is_run         boolean,
    event_id       text,
    workspace_id   text,
    agent_id       text,
    agent_name     text,
    at             timestamptz,
    run_id         text,
    user_id        text,
    succeeded      boolean,
    started_at     timestamptz,
    credits        numeric,
    error_code     text
);
-- The alert signals count them per workspace and for the platform over the last 24 hours.
CREATE INDEX quarantined_events_by_workspace ON quarantined_events (workspace_id, quarantined_at);
CREATE INDEX quarantined_events_by_time ON quarantined_events (quarantined_at);
