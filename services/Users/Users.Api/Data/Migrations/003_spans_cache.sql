-- Each replica keeps the spans in memory (Metrics/ActivitySpansCache.cs) and reads again only the rows
-- written since its last poll, found by the id of the transaction that last wrote them.
ALTER TABLE user_activity_spans ADD COLUMN xid xid8 NOT NULL DEFAULT pg_current_xact_id();
CREATE INDEX user_activity_spans_by_xid ON user_activity_spans (xid);
