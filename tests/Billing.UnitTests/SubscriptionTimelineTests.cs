using ExecutiveDashboard.Billing.Subscriptions;
using ExecutiveDashboard.Contracts.Ingest;
using static ExecutiveDashboard.Billing.UnitTests.Given;

namespace ExecutiveDashboard.Billing.UnitTests;

public sealed class SubscriptionTimelineTests
{
    [Fact]
    public void The_state_at_an_instant_takes_only_events_strictly_before_it()
    {
        var timeline = SubscriptionTimeline.Build("ws", [Started("ws", "2026-11-10T12:00:00", 100m)]);

        Assert.False(timeline.At(At("2026-11-10T12:00:00")).Paid);
        Assert.Equal(100m, timeline.At(At("2026-11-10T12:00:00.001")).Mrr);
        var interval = Assert.Single(timeline.Intervals);
        Assert.Equal((At("2026-11-10T12:00:00"), (DateTime?)null, 100m, MrrMovementKind.New),
            (interval.ValidFrom, interval.ValidTo, interval.MrrDelta, interval.Movement!.Value));
    }

    [Fact]
    public void An_annual_plan_is_worth_a_twelfth_of_its_amount_a_month()
    {
        var timeline = SubscriptionTimeline.Build("ws", [Started("ws", "2026-11-01T00:00:00", 1200m, BillingInterval.Year)]);
        Assert.Equal(100m, timeline.At(At("2026-11-02T00:00:00")).Mrr);

        // 1000 / 12 keeps 6 decimals.
        var odd = SubscriptionTimeline.Build("ws", [Started("ws", "2026-11-01T00:00:00", 1000m, BillingInterval.Year)]);
        Assert.Equal(83.333333m, odd.At(At("2026-11-02T00:00:00")).Mrr);
    }

    [Fact]
    public void Cancel_then_start_again_is_churn_then_reactivation()
    {
        var timeline = SubscriptionTimeline.Build("ws",
        [
            Started("ws", "2026-10-01T00:00:00", 100m),
            Canceled("ws", "2026-11-10T00:00:00"),
            Started("ws", "2026-11-20T00:00:00", 120m),
        ]);

        Assert.Equal(
            [(100m, MrrMovementKind.New), (-100m, MrrMovementKind.Churned), (120m, MrrMovementKind.Reactivation)],
            timeline.Intervals.Select(i => (i.MrrDelta, i.Movement!.Value)));
        Assert.Equal(At("2026-10-01T00:00:00"), timeline.FirstPaidAt);
        Assert.Equal(At("2026-11-10T00:00:00"), timeline.Intervals[0].ValidTo);
        Assert.False(timeline.At(At("2026-11-15T00:00:00")).Subscribed);
    }

    [Fact]
    public void An_upgrade_is_expansion_and_a_downgrade_contraction()
    {
        var timeline = SubscriptionTimeline.Build("ws",
        [
            Started("ws", "2026-10-01T00:00:00", 100m),
            Changed("ws", "2026-11-05T00:00:00", 150m),
            Changed("ws", "2026-11-06T00:00:00", 1200m, BillingInterval.Year), // 100 a month
        ]);

        Assert.Equal(
            [(100m, MrrMovementKind.New), (50m, MrrMovementKind.Expansion), (-50m, MrrMovementKind.Contraction)],
            timeline.Intervals.Select(i => (i.MrrDelta, i.Movement!.Value)));
        Assert.Equal("team", timeline.At(At("2026-12-01T00:00:00")).Plan);
    }

    [Fact]
    public void A_trial_expires_when_trialEndsAt_passes_without_any_event()
    {
        var timeline = SubscriptionTimeline.Build("ws", [Trial("ws", "2026-11-20T00:00:00", "2026-11-27T00:00:00")]);

        Assert.False(timeline.At(At("2026-11-20T00:00:00")).InTrialAt(At("2026-11-20T00:00:00")));
        Assert.True(timeline.At(At("2026-11-25T00:00:00")).InTrialAt(At("2026-11-25T00:00:00")));
        Assert.False(timeline.At(At("2026-11-27T00:00:00")).InTrialAt(At("2026-11-27T00:00:00")));
        Assert.Single(timeline.Intervals); // expiry needs no boundary
        Assert.Null(timeline.FirstPaidAt);
    }

    [Fact]
    public void A_trial_ends_early_with_trial_ended()
    {
        var timeline = SubscriptionTimeline.Build("ws",
            [Trial("ws", "2026-11-20T00:00:00", "2026-11-27T00:00:00"), TrialEnded("ws", "2026-11-22T00:00:00")]);

        var t = At("2026-11-23T00:00:00");
        Assert.False(timeline.At(t).InTrialAt(t));
    }

    [Fact]
    public void A_subscription_started_converts_the_trial()
    {
        var timeline = SubscriptionTimeline.Build("ws",
            [Trial("ws", "2026-11-01T00:00:00", "2026-11-15T00:00:00"), Started("ws", "2026-11-10T00:00:00", 50m)]);

        var t = At("2026-11-12T00:00:00");
        Assert.False(timeline.At(t).InTrialAt(t));
        Assert.True(timeline.At(t).Paid);
        Assert.Equal(MrrMovementKind.New, timeline.Intervals[^1].Movement);
        Assert.Equal(At("2026-11-10T00:00:00"), timeline.FirstPaidAt);
    }

    [Fact]
    public void Events_at_the_same_instant_apply_in_type_order_so_start_and_cancel_together_leave_nothing()
    {
        var timeline = SubscriptionTimeline.Build("ws",
            [Canceled("ws", "2026-11-10T00:00:00"), Started("ws", "2026-11-10T00:00:00", 100m)]);

        Assert.Empty(timeline.Intervals);
        Assert.Null(timeline.FirstPaidAt);
        Assert.Equal(0m, timeline.Steps[1].After.Mrr);
        Assert.Equal(100m, timeline.Steps[0].After.Mrr); // MRR right after subscription.started
    }

    [Fact]
    public void A_free_plan_is_not_paid_and_moving_to_it_is_churn()
    {
        var timeline = SubscriptionTimeline.Build("ws",
            [Started("ws", "2026-10-01T00:00:00", 100m), Changed("ws", "2026-11-01T00:00:00", 0m)]);

        Assert.Equal(MrrMovementKind.Churned, timeline.Intervals[^1].Movement);
        Assert.True(timeline.Intervals[^1].State.Subscribed);
        Assert.False(timeline.Intervals[^1].State.Paid);
    }

    [Fact]
    public void Out_of_order_events_give_the_same_timeline()
    {
        BillingEvent[] events =
        [
            Trial("ws", "2026-09-20T00:00:00", "2026-10-04T00:00:00"),
            Started("ws", "2026-10-01T00:00:00", 100m),
            Changed("ws", "2026-10-15T00:00:00", 2400m, BillingInterval.Year),
            Changed("ws", "2026-10-15T00:00:00", 150m), // same instant: eventId decides
            Canceled("ws", "2026-11-01T00:00:00"),
            Started("ws", "2026-11-05T00:00:00", 80m),
            Changed("ws", "2026-11-20T00:00:00", 60m),
        ];
        var inOrder = SubscriptionTimeline.Build("ws", events);

        foreach (var seed in new[] { 1, 2, 3, 4, 5 })
        {
            var shuffled = events.ToArray();
            new Random(seed).Shuffle(shuffled);
            var timeline = SubscriptionTimeline.Build("ws", shuffled);
            Assert.Equal(inOrder.Intervals, timeline.Intervals);
            Assert.Equal(inOrder.FirstPaidAt, timeline.FirstPaidAt);
        }
        Assert.Equal(6, inOrder.Intervals.Count); // trial, 100, one of 200/150 (one instant), canceled, 80, 60
    }
}
