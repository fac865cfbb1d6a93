namespace ExecutiveDashboard.Contracts.Dashboard;

/// <summary>A user to name (<c>POST /api/users/names</c>); users are per workspace.</summary>
public sealed record UserRef(string WorkspaceId, string UserId);
