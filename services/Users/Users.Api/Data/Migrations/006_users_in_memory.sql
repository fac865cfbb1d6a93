-- Known and new users are counted in memory (Metrics/ActivitySpansCache.cs), like the activity spans: each replica
-- reads again only the users written since its last poll, found by the id of the transaction that last wrote them.
ALTER TABLE users ADD COLUMN xid xid8 NOT NULL DEFAULT pg_current_xact_id();
CREATE INDEX users_by_xid ON users (xid);
-- Nothing reads users by first sighting any more.
DROP INDEX IF EXISTS users_by_first_seen;
DROP INDEX IF EXISTS users_by_workspace_first_seen;
