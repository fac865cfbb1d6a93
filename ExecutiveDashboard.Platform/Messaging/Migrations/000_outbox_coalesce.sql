-- Notifications that only say "something changed" (MetricsChanged) carry a coalesce key: while one of
-- them is still waiting to be published, another with the same key adds nothing, so a burst of
-- batches for the same workspace becomes one message instead of thousands.
ALTER TABLE outbox_messages ADD COLUMN IF NOT EXISTS coalesce_key text;
CREATE INDEX IF NOT EXISTS outbox_messages_coalesce_key ON outbox_messages (coalesce_key) WHERE coalesce_key IS NOT NULL;
