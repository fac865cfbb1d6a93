-- Which hours a fold last changed, stamped in fold order: the alert signals keep their p95s over whole hours in memory
-- until a fold changes one of those hours (Metrics/WholeHourP95s.cs). No backfill: an hour without a row has not
-- changed since this migration, and no p95 was kept before it.
CREATE SEQUENCE fold_stamps;
CREATE TABLE folded_hours (
    hour  timestamptz PRIMARY KEY,
    stamp bigint NOT NULL
);
