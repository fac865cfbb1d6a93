-- The earliest billing event per scope, in the shape every service exposes through /earliest:
-- a workspace's first event, and for the platform ('*') the first of any workspace or marketing spend.
CREATE VIEW scope_bounds AS
    SELECT workspace_id AS scope, earliest_event_at FROM workspaces
    UNION ALL
    SELECT '*', least((SELECT min(earliest_event_at) FROM workspaces), (SELECT min(occurred_at) FROM marketing_spend))
    WHERE EXISTS (SELECT 1 FROM workspaces) OR EXISTS (SELECT 1 FROM marketing_spend);
