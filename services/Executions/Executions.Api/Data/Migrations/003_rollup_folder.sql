-- Ingest only stores events; the rollup folder (Ingest/RollupFolder.cs) adds them to the rollups in
-- chunks, one folder at a time, so concurrent batches never queue on the platform's rollup rows.
-- The events stored and not yet in the rollups:
CREATE TABLE unfolded_events (event_id text PRIMARY KEY);

-- What the folder needs of a run to name its agent.
ALTER TABLE runs ADD COLUMN agent_name text;
