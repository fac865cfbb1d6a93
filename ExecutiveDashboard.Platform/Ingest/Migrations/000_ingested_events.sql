-- Every event ever accepted, by id: what makes ingest idempotent across retries and restarts (IngestTransaction).
-- IF NOT EXISTS: databases created before the platform owned this table made it in their service's 001_initial.
CREATE TABLE IF NOT EXISTS ingested_events (
    event_id    text PRIMARY KEY,
    received_at timestamptz NOT NULL DEFAULT now()
);
