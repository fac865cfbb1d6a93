namespace ExecutiveDashboard.Users.IntegrationEvents;

/// <summary>Of a <see cref="Contracts.IntegrationEvents.RunCompleted"/>, what makes its user active (see <see cref="RunsActivity"/>).</summary>
public sealed record RunActivity(string EventId, string WorkspaceId, string UserId, DateTime CompletedAt);
