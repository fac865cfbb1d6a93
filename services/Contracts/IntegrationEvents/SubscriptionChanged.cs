namespace ExecutiveDashboard.Contracts.IntegrationEvents;

/// <summary>A workspace's billing changed (billing service): trial started or ended, subscription
/// started, changed or canceled.</summary>
/// <param name="Type">The billing event type, e.g. <c>subscription.started</c>.</param>
/// <param name="MonthlyValue">The workspace's MRR right after the event, in the reporting currency.</param>
/// <param name="Currency">The reporting currency (ISO 4217); added in version 1.1, absent from older messages.</param>
public sealed record SubscriptionChanged(
    string EventId, string WorkspaceId, string Type, string? Plan, decimal MonthlyValue, DateTime OccurredAt, string? Currency = null);
