namespace ExecutiveDashboard.Contracts.Dashboard;

/// <summary>An agent of the top-10 by runs; agent ids are unique only within a workspace, so a row names its workspace
/// (at the platform scope two workspaces' agents can share an id and a name).</summary>
public sealed record TopAgent(string Id, string WorkspaceId, string? Name, long Runs, double? SuccessRate, double? AvgRuntime);
