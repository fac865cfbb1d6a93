-- The folder's queue carries the events themselves, so taking a chunk reads no other table (it joined each id to
-- the runs' primary key, a random lookup per run), and the queue needs no index: the folder takes any chunk of it
-- (one folder at a time, RollupFolder.LockKey), and ingest only appends. The runs then need no primary key either:
-- ingested_events already claims every id once, and nothing looks a run up by its id. Both indexes were random
-- inserts into large b-trees at every ingest (docs/performance.md, Ingest). runs.agent_name stays: the
-- raw runs keep every field of the event, for audit and replay, though the folder now reads the name from the queue.
ALTER TABLE unfolded_events RENAME TO unfolded_ids;

CREATE TABLE unfolded_events (
    is_run       boolean NOT NULL,
    event_id     text NOT NULL,
    workspace_id text NOT NULL,
    agent_id     text NOT NULL,
    agent_name   text,
    at           timestamptz NOT NULL,   -- a run's completion, an agent's creation
    run_id       text,
    user_id      text,
    succeeded    boolean,
    started_at   timestamptz,
    credits      numeric(20, 6),
    error_code   text
);

INSERT INTO unfolded_events
SELECT true, r.event_id, r.workspace_id, r.agent_id, r.agent_name, r.completed_at,
       r.run_id, r.user_id, r.succeeded, r.started_at, r.credits, r.error_code
FROM unfolded_ids JOIN runs r USING (event_id)
UNION ALL
SELECT false, a.event_id, a.workspace_id, a.agent_id, a.agent_name, a.occurred_at, NULL, NULL, NULL, NULL, NULL, NULL
FROM unfolded_ids JOIN agent_events a USING (event_id);

DROP TABLE unfolded_ids;
ALTER TABLE runs DROP CONSTRAINT runs_pkey;
