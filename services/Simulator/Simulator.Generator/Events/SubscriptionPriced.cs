namespace ExecutiveDashboard.Simulator.Generation.Events;

/// <summary><c>subscription.started</c> (also a reactivation after a cancel) or <c>subscription.changed</c>.</summary>
public sealed record SubscriptionPriced(string EventId, string WorkspaceId, bool IsChange, string Plan, string Interval, decimal Amount, DateTime OccurredAt)
    : BillingEvent(EventId, WorkspaceId, OccurredAt)
{
    public override string Type => IsChange ? "subscription.changed" : "subscription.started";

    /// <summary>What the subscription adds to MRR: the amount, or a twelfth of it for a yearly plan.</summary>
    public decimal MonthlyValue => Interval == "year" ? Amount / 12 : Amount;
}
