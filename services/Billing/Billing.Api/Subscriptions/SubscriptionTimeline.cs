using ExecutiveDashboard.Contracts.Ingest;

namespace ExecutiveDashboard.Billing.Subscriptions;

/// <summary>The subscription state machine (pure). Events apply in time order; events at the same instant
/// in a fixed type order (trial.started, trial.ended, subscription.started, subscription.changed,
/// subscription.canceled), then by eventId (ordinal), so any arrival order gives the same timeline.</summary>
public static class SubscriptionTimeline
{
    public static IReadOnlyList<BillingEvent> Order(IEnumerable<BillingEvent> events) =>
        events.OrderBy(e => e.OccurredAt).ThenBy(Rank).ThenBy(e => e.EventId, StringComparer.Ordinal).ToList();

    public static WorkspaceTimeline Build(string workspaceId, IEnumerable<BillingEvent> events)
    {
        var ordered = Order(events.Where(e => e.WorkspaceId == workspaceId));
        var intervals = new List<StateInterval>();
        var steps = new List<(BillingEvent, SubscriptionState)>(ordered.Count);
        var state = SubscriptionState.None;
        DateTime? firstPaidAt = null;

        // Only the state after the last event of an instant is ever observable (state at t takes occurredAt < t).
        foreach (var instant in ordered.GroupBy(e => e.OccurredAt))
        {
            var before = state;
            foreach (var e in instant)
            {
                state = Apply(state, e);
                steps.Add((e, state));
            }
            if (state == (intervals.Count == 0 ? SubscriptionState.None : intervals[^1].State))
            {
                continue;
            }

            var at = instant.Key;
            if (intervals.Count > 0)
            {
                intervals[^1] = intervals[^1] with { ValidTo = at };
            }
            intervals.Add(new StateInterval(at, null, state, state.Mrr - before.Mrr,
                MrrMovementKinds.Classify(before.Mrr, state.Mrr, paidBefore: firstPaidAt is not null)));
            if (state.Paid)
            {
                firstPaidAt ??= at;
            }
        }

        return new WorkspaceTimeline(workspaceId, intervals,
            ordered.Count == 0 ? default : ordered[0].OccurredAt, firstPaidAt, steps);
    }

    /// <summary>One event's effect. Events that make no sense in the current state change nothing: a
    /// change or cancel without a subscription, a trial while subscribed, a trial.ended without a trial.</summary>
    public static SubscriptionState Apply(SubscriptionState state, BillingEvent e) => e switch
    {
        TrialStartedEvent t when !state.Subscribed => state with { TrialPlan = t.Plan, TrialEndsAt = t.TrialEndsAt },
        TrialEndedEvent => state with { TrialPlan = null, TrialEndsAt = null },
        // A start converts any trial; a second start while subscribed replaces the terms, like a change.
        SubscriptionStartedEvent s => new SubscriptionState(true, s.Plan, Pricing.MonthlyValue(s.Interval, s.Amount), null, null),
        SubscriptionChangedEvent c when state.Subscribed => state with { Plan = c.Plan, MonthlyValue = Pricing.MonthlyValue(c.Interval, c.Amount) },
        // Canceling also ends a running trial: the customer has left.
        SubscriptionCanceledEvent => SubscriptionState.None,
        _ => state,
    };

    private static int Rank(BillingEvent e) => e switch
    {
        TrialStartedEvent => 0,
        TrialEndedEvent => 1,
        SubscriptionStartedEvent => 2,
        SubscriptionChangedEvent => 3,
        SubscriptionCanceledEvent => 4,
        _ => 5,
    };
}
