namespace ExecutiveDashboard.Executions.Model;

public sealed record RankedAgent(string WorkspaceId, string AgentId, RunTotals Totals);
