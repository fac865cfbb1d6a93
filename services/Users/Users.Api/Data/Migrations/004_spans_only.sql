-- The activity spans (002, 003) answer every read exactly now that asOf is taken to the millisecond, so the
-- day/hour rollup and the indexes that served its raw sub-hour edges are no longer read. Runs from the bus
-- are merged into the spans without claims or raw copies (the executions service stores the runs).
DROP TABLE IF EXISTS user_activity;
DROP INDEX IF EXISTS activity_events_by_time;
DROP INDEX IF EXISTS activity_events_by_workspace_time;
DELETE FROM ingested_events WHERE event_id LIKE 'run/%';
DELETE FROM activity_events WHERE from_run;
ALTER TABLE activity_events DROP COLUMN from_run;
