-- Dashboard reads are many short index probes sent as one statement (unnested pieces, LATERAL). A generic
-- plan can look expensive enough for PostgreSQL's JIT, which then spends 100-300 ms compiling a query that runs
-- in 20 ms (the 90d platform read at 10 M runs: 240-390 ms with JIT, see docs/performance.md). Off for this
-- database; new connections take it.
DO $$ BEGIN EXECUTE format('ALTER DATABASE %I SET jit = off', current_database()); END $$;
