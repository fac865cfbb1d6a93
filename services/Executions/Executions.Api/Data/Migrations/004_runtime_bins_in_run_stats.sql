-- The runtime histogram moves into the run_stats rows: each row carries the sketch of its own runs, so every
-- grain that has totals has a histogram too (a workspace's hours, the platform's minutes), without a row per bin.
-- A p95 then reads raw runs only for the sub-hour (workspace) or sub-minute (platform) edges of its period:
-- before, a workspace read up to two whole days of raw runs, and the alert signals of 2,000 workspaces took
-- most of the database's time during an ingest (docs/performance.md).
--
-- runtime_bins: sorted by bin, each element bin << 32 | count (bin as in RuntimeSketch.BinOf, count < 2^32).
ALTER TABLE run_stats ADD COLUMN runtime_bins int8[] NOT NULL DEFAULT '{}';

-- Adds two sketches bin by bin (the fold's ON CONFLICT).
CREATE FUNCTION merge_runtime_bins(a int8[], b int8[]) RETURNS int8[] LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT CASE WHEN cardinality(a) = 0 THEN b WHEN cardinality(b) = 0 THEN a ELSE (
        SELECT array_agg((bin << 32) | runs ORDER BY bin)
        FROM (SELECT e >> 32 AS bin, sum(e & 4294967295)::int8 AS runs FROM unnest(a || b) e GROUP BY 1) bins) END
$$;

-- Backfill from the folded raw runs (the unfolded ones reach run_stats, bins included, at their fold), binned
-- with RuntimeSketch.BinOf's formula: ZeroBin (int.MinValue) for no time, else ⌈ln(seconds) / ln γ⌉, γ = 1.01 / 0.99.
SET LOCAL work_mem = '256MB';
CREATE TEMPORARY TABLE binned ON COMMIT DROP AS
SELECT r.workspace_id, r.completed_at AT TIME ZONE 'UTC' AS at,
       CASE WHEN r.runtime_seconds <= 0 THEN -2147483648
            ELSE ceil(ln(r.runtime_seconds) / ln((1 + 0.01::float8) / (1 - 0.01::float8)))::int8 END AS bin
FROM runs r
WHERE NOT EXISTS (SELECT 1 FROM unfolded_events u WHERE u.event_id = r.event_id);

CREATE TEMPORARY TABLE sketches ON COMMIT DROP AS
SELECT scope, grain, bucket_start, array_agg((bin << 32) | runs ORDER BY bin) AS runtime_bins
FROM (
    SELECT scope, grain, date_trunc(unit, at) AT TIME ZONE 'UTC' AS bucket_start, bin, count(*) AS runs
    FROM binned
    CROSS JOIN LATERAL (VALUES (workspace_id, 'd', 'day'), (workspace_id, 'h', 'hour'),
                               ('*', 'd', 'day'), ('*', 'h', 'hour'), ('*', 'm', 'minute')) AS g(scope, grain, unit)
    GROUP BY 1, 2, 3, 4
) counted
GROUP BY 1, 2, 3;

UPDATE run_stats s SET runtime_bins = k.runtime_bins
FROM sketches k
WHERE s.scope = k.scope AND s.grain = k.grain AND s.bucket_start = k.bucket_start;

DROP TABLE runtime_histogram;
