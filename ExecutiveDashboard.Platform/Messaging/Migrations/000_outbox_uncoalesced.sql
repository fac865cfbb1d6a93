-- Notifications are written as one MetricsChangedBatch per ingest batch and merged by the dispatcher, per round,
-- instead of a row per workspace whose insert first looked for a waiting one with the same key.
DROP INDEX IF EXISTS outbox_messages_coalesce_key;
ALTER TABLE outbox_messages DROP COLUMN IF EXISTS coalesce_key;
-- A RunsCompleted of 1,000 runs is ~330 KB of JSON: lz4 compresses it in under a millisecond, pglz took about 4
-- (the stored size is 20 % larger). Left as it is where PostgreSQL was built without lz4.
DO $$
BEGIN
    ALTER TABLE outbox_messages ALTER COLUMN body SET COMPRESSION lz4;
EXCEPTION WHEN feature_not_supported THEN
    NULL;
END
$$;
