using ExecutiveDashboard.Contracts.Ingest;

namespace ExecutiveDashboard.Billing.Subscriptions;

/// <summary>A workspace's billing history as intervals of constant state, recomputed from all its
/// events whenever one arrives, so that late and out-of-order events give the numbers of in-order ones.</summary>
/// <param name="Steps">Each event with the state right after it (in <see cref="SubscriptionTimeline.Order"/>).</param>
public sealed record WorkspaceTimeline(
    string WorkspaceId,
    IReadOnlyList<StateInterval> Intervals,
    DateTime EarliestEventAt,
    DateTime? FirstPaidAt,
    IReadOnlyList<(BillingEvent Event, SubscriptionState After)> Steps)
{
    /// <summary>The state at t: every event with occurredAt &lt; t.</summary>
    public SubscriptionState At(DateTime t) =>
        Intervals.LastOrDefault(i => i.Contains(t))?.State ?? SubscriptionState.None;
}
