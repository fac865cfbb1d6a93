namespace ExecutiveDashboard.Executions.Model;

public sealed record UserRow(string Id, string WorkspaceId, long Runs, decimal Credits, DateTime LastCompletedAt);
