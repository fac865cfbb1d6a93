namespace ExecutiveDashboard.Simulator.Generation.Events;

/// <summary>The platform's spend on one channel for one day; it belongs to no workspace.</summary>
public sealed record MarketingSpend(string EventId, decimal Amount, DateTime OccurredAt, string Channel)
    : BillingEvent(EventId, null, OccurredAt)
{
    public override string Type => "marketing.spend";
}
