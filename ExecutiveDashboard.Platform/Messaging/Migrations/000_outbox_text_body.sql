-- The body is written once and read once, by the dispatcher, as text: storing it as jsonb made
-- PostgreSQL parse every message (a RunsCompleted of 1,000 runs is ~250 KB) for nothing.
ALTER TABLE outbox_messages ALTER COLUMN body TYPE text;
