namespace ExecutiveDashboard.Contracts.IntegrationEvents;

/// <summary>A workspace's billing changed (billing service): trial started or ended, subscription
/// started, changed or canceled.</summary>
/// <param name="Type">The billing event type, e.g. <c>subscription.started</c>.</param>
/// <param name="MonthlyValue">The workspace's MRR right after the event, in the reporting currency.</param>
public sealed record SubscriptionChanged(
    string EventId, string WorkspaceId, string Type, string? Plan, decimal MonthlyValue, DateTime OccurredAt);
