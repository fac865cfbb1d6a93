-- Nothing reads the spans by workspace since they are held in memory (003, Metrics/ActivitySpansCache.cs): every
-- span write paid for an entry in this index, during an ingest about one per run.
DROP INDEX IF EXISTS user_activity_spans_by_workspace;
