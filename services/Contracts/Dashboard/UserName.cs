namespace ExecutiveDashboard.Contracts.Dashboard;

/// <summary>A user's latest name by event time (from <c>user.signed_up</c>), or <c>null</c> if never given.</summary>
public sealed record UserName(string WorkspaceId, string UserId, string? Name);
