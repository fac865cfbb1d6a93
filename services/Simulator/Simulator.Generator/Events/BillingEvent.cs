namespace ExecutiveDashboard.Simulator.Generation.Events;

public abstract record BillingEvent(string EventId, string? WorkspaceId, DateTime OccurredAt) : PlatformEvent(EventId, OccurredAt)
{
    public const string Currency = "USD";

    public override EventStream Stream => EventStream.Billing;
}
