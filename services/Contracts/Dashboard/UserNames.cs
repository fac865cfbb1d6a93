namespace ExecutiveDashboard.Contracts.Dashboard;

/// <summary>A user, who is always a user of one workspace.</summary>
public sealed record UserKey(string WorkspaceId, string UserId);

/// <summary>A user's latest name by event time (<c>POST /api/users/names</c>), null if never given.</summary>
public sealed record UserName(string WorkspaceId, string UserId, string? Name);
