-- The top agents, top users and active agents now come from the in-memory leaderboards
-- (Leaderboards/), fed from the runs by the id of the transaction that wrote them.
ALTER TABLE runs ADD COLUMN xid xid8 NOT NULL DEFAULT pg_current_xact_id();
CREATE INDEX runs_by_xid ON runs (xid);

-- Summing these per agent or user over a long period read about a row per run at the platform scope.
DROP TABLE agent_stats;
DROP TABLE user_stats;
