-- A sum over a scope's runs has no upper limit: run_stats.credits was numeric(24, 6), which overflowed at 10^18 credits
-- in one bucket. The platform's day row sums every tenant's runs, so one tenant could overflow it for everyone, and the
-- folder then failed every fold that touched the row. Unconstrained numeric has no limit worth naming; every value added
-- to it comes from the raw runs' numeric(20, 6), so the sums keep 6 decimals and read back as decimals up to ~7.9e22
-- credits (~7.9e16 runs at the most a run may cost, Bounds.MaxCredits). Dropping the precision rewrites no row.
-- runs.credits and unfolded_events.credits stay numeric(20, 6): each holds one run, at most Bounds.MaxCredits.
-- Counts (runs, succeeded) are bigint: 9.2e18 runs, centuries at any ingest rate. runtime_sum is a double.
ALTER TABLE run_stats ALTER COLUMN credits TYPE numeric;
