namespace ExecutiveDashboard.Contracts.Dashboard;

/// <summary>A user to name (<c>POST /api/users/names</c>); users are per workspace.</summary>
public sealed record UserRef(string WorkspaceId, string UserId);

/// <summary>A user's latest name by event time (from <c>user.signed_up</c>), or <c>null</c> if never given.</summary>
public sealed record UserName(string WorkspaceId, string UserId, string? Name);
