-- The span upsert (Ingest/UserEventStore.cs) reads stored spans as bigints: 8 bytes each, big-endian
-- (Ingest/ActivitySpans.cs: hour in block << 44 | first ms in the hour << 22 | last ms in the hour).
-- SQL-standard bodies, so the planner inlines them into the statement.

-- The i-th span (from 0) of a row.
CREATE OR REPLACE FUNCTION span_at(spans bytea, i int) RETURNS bigint
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    RETURN ('x' || encode(substr(spans, i * 8 + 1, 8), 'hex'))::bit(64)::bigint;

-- Two spans of the same hour as one: the earlier first and the later last millisecond.
CREATE OR REPLACE FUNCTION span_union(a bigint, b bigint) RETURNS bigint
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    RETURN (a >> 44 << 44) | (least((a >> 22) & 4194303, (b >> 22) & 4194303) << 22) | greatest(a & 4194303, b & 4194303);
