namespace ExecutiveDashboard.Contracts.Dashboard;

/// <summary>A user of the top-10 by runs; users are per workspace, so the platform scope names the workspace too.</summary>
public sealed record TopUser(string Id, string WorkspaceId, string? Name, long Runs, decimal CreditsUsed, DateTime? LastActiveAt);
