namespace ExecutiveDashboard.Contracts.IntegrationEvents;

/// <summary>A user signed up or was active (users service), for the activity feed and alerts.</summary>
/// <param name="Kind"><c>user.signed_up</c> or <c>user.active</c>.</param>
public sealed record UserActivityRecorded(
    string EventId, string WorkspaceId, string UserId, string Kind, string? Name, DateTime OccurredAt);
