-- The platform's runtime histograms are also kept per minute (RunRollups.HistogramGrainsOf), so that its p95 reads
-- take at most a minute of raw runs at each edge of a period instead of up to an hour. Runs folded before this
-- migration get their minute rows here; runs still waiting for the folder get them from it. The bin is
-- RuntimeSketch.BinOf: ceil(ln(seconds) / ln(gamma)), gamma = 1.01 / 0.99, in double precision; zero runtimes
-- have a bin of their own (int.MinValue).
INSERT INTO runtime_histogram (scope, grain, bucket_start, bin, runs)
SELECT '*', 'm', date_trunc('minute', r.completed_at AT TIME ZONE 'UTC') AT TIME ZONE 'UTC',
       CASE WHEN r.runtime_seconds <= 0 THEN -2147483648
            ELSE ceil(ln(r.runtime_seconds) / ln(1.01::float8 / 0.99::float8))::int END,
       count(*)
FROM runs r
WHERE NOT EXISTS (SELECT 1 FROM unfolded_events u WHERE u.event_id = r.event_id)
GROUP BY 3, 4;
