-- The overview's read path (see Ingest/ActivitySpans.cs): per (user, block of 64 UTC days) spans, sorted, one per
-- active hour, each a big-endian int8 (8 bytes, no per-element header): hour in block << 44 | first ms in the
-- hour << 22 | last ms in the hour.
-- A read fetches the rows of the blocks overlapping its windows (about one row per active user) and tests
-- every window at once in memory; the first and last event of each hour make every cut exact to the ms.
CREATE TABLE user_activity_spans (
    block        int      NOT NULL,
    user_key     bigint   NOT NULL,
    workspace_id text     NOT NULL,
    spans        bytea    NOT NULL,
    PRIMARY KEY (block, user_key)
);
CREATE INDEX user_activity_spans_by_workspace ON user_activity_spans (workspace_id, block);

-- Backfill from the raw activity (it holds every user.active event and completed run).
INSERT INTO user_activity_spans (block, user_key, workspace_id, spans)
SELECT block, user_key, min(workspace_id), string_agg(int8send((h << 44) | (f << 22) | l), ''::bytea ORDER BY h)
FROM (
    SELECT floor(hour / 1536)::int AS block, (hour - floor(hour / 1536) * 1536)::bigint AS h, user_key,
           min(workspace_id) AS workspace_id, min(ms - hour * 3600000)::bigint AS f, max(ms - hour * 3600000)::bigint AS l
    FROM (
        SELECT user_key, workspace_id, ms, floor(ms / 3600000) AS hour
        FROM (SELECT user_key, workspace_id, floor(extract(epoch FROM occurred_at) * 1000) AS ms FROM activity_events) raw
    ) events
    GROUP BY 1, 2, 3
) hours
GROUP BY block, user_key;
