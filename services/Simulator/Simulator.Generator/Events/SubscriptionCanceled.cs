namespace ExecutiveDashboard.Simulator.Generation.Events;

public sealed record SubscriptionCanceled(string EventId, string WorkspaceId, DateTime OccurredAt)
    : BillingEvent(EventId, WorkspaceId, OccurredAt)
{
    public override string Type => "subscription.canceled";
}
