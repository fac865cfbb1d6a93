namespace ExecutiveDashboard.Executions.Model;

public sealed record AgentRow(string Id, string WorkspaceId, string? Name, RunTotals Totals);
