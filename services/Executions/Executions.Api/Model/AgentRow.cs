namespace ExecutiveDashboard.Executions.Model;

public sealed record AgentRow(string Id, string? Name, RunTotals Totals);
