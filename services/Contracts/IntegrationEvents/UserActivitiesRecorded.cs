namespace ExecutiveDashboard.Contracts.IntegrationEvents;

/// <summary>The user events of one ingest batch (users service), published once per batch.</summary>
public sealed record UserActivitiesRecorded(Guid BatchId, IReadOnlyList<UserActivityRecorded> Activities);
