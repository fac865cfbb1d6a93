using ExecutiveDashboard.Billing.Reads;
using ExecutiveDashboard.Billing.Model;
using ExecutiveDashboard.Contracts.Dashboard;
using ExecutiveDashboard.Contracts.Ingest;
using ExecutiveDashboard.Contracts.Metrics;
using static ExecutiveDashboard.Billing.UnitTests.Given;

namespace ExecutiveDashboard.Billing.UnitTests;

/// <summary>docs/metrics.md's business metrics on small histories, every expected value computed by hand.
/// asOf is 2026-12-01: the 30d period is [11-01, 12-01), the 7d period [11-24, 12-01).</summary>
public sealed class BillingOverviewTests
{
    private const string AsOf = "2026-12-01T00:00:00";

    /// <summary>A, B, C, D pay 100 since October; D cancels on 11-15; E starts at 60 on 11-10; 900 spent on 11-05.</summary>
    private static readonly BillingEvent[] Platform =
    [
        Started("A", "2026-10-01T12:00:00", 100m), Started("B", "2026-10-01T12:00:00", 100m),
        Started("C", "2026-10-01T12:00:00", 100m), Started("D", "2026-10-01T12:00:00", 100m),
        Canceled("D", "2026-11-15T12:00:00"), Started("E", "2026-11-10T12:00:00", 60m),
        Spend("2026-11-05T00:00:00", 900m),
    ];

    [Fact]
    public void Every_business_metric_of_the_platform_over_30_days()
    {
        var o = Overview(Platform, Scopes.Platform, Timeframe.Month, AsOf);

        // mrr 360 vs 400 at 11-01: -10 %; 1 of 4 paying at 11-01 lost: 25 %; ARPA 90 / 0.25 = 360;
        // CAC 900 / 1 new paying workspace (E); 360 / 900 = 0.4.
        Assert.Equal(new BusinessMetrics(360m, -10, 4320m, 360m, 900m, 0.4, null, 4, 0, 25), o.BusinessMetrics);
        Assert.Equal(new MrrMovements(60m, 0m, 0m, 100m, 0m), o.MrrMovements);
        Assert.Equal(new PeriodRange(At("2026-11-01T00:00:00"), At(AsOf)), o.Period);

        // Daily buckets from 11-01; MRR at each bucket's end: 400 up to 11-10, 460 once E pays, 360 once D left.
        Assert.Equal(30, o.RevenueTrend.Count);
        Assert.Equal(At("2026-11-01T00:00:00"), o.RevenueTrend[0].Timestamp);
        Assert.Equal(Enumerable.Repeat(400.0, 9).Concat(Enumerable.Repeat(460.0, 5)).Concat(Enumerable.Repeat(360.0, 16)),
            o.RevenueTrend.Select(p => p.Value));
    }

    [Fact]
    public void Over_7_days_nothing_moved_and_nobody_churned()
    {
        var o = Overview(Platform, Scopes.Platform, Timeframe.Week, AsOf);

        // No spend and no new paying workspace in [11-24, 12-01): CAC null, so the ratio too. LTV uses the last 30 days.
        Assert.Equal(new BusinessMetrics(360m, 0, 4320m, 360m, null, null, null, 4, 0, 0), o.BusinessMetrics);
        Assert.Equal(new MrrMovements(0m, 0m, 0m, 0m, 0m), o.MrrMovements);
        Assert.Equal(28, o.RevenueTrend.Count);
        Assert.All(o.RevenueTrend, p => Assert.Equal(360.0, p.Value));
    }

    [Fact]
    public void All_starts_at_the_first_event_and_has_no_previous_period()
    {
        var o = Overview(Platform, Scopes.Platform, Timeframe.All, AsOf);

        // From 10-01T12:00: everything is new; churn and mrrChange have nothing to compare with.
        Assert.Equal(At("2026-10-01T12:00:00"), o.Period.Start);
        Assert.Null(o.BusinessMetrics.MrrChange);
        Assert.Null(o.BusinessMetrics.ChurnRate);
        Assert.Equal(new MrrMovements(460m, 0m, 0m, 100m, 0m), o.MrrMovements);
        Assert.Equal(180m, o.BusinessMetrics.Cac); // 900 / 5 first paid subscriptions
        Assert.Equal(2.0, o.BusinessMetrics.LtvCacRatio);
        // Weekly buckets from Monday 09-28 to asOf: 10 weeks, the last one ending at asOf (a Tuesday).
        Assert.Equal(At("2026-09-28T00:00:00"), o.RevenueTrend[0].Timestamp);
        Assert.Equal(10, o.RevenueTrend.Count);
        Assert.Equal(400.0, o.RevenueTrend[0].Value);
        Assert.Equal(360.0, o.RevenueTrend[^1].Value);
    }

    [Fact]
    public void A_workspace_scope_has_no_CAC_and_no_ratio()
    {
        var o = Overview(Platform, "D", Timeframe.Month, AsOf);

        // D paid 100 at 11-01 and nothing at asOf: churned, 100 % churn; no paying workspace left, so no ARPA and no LTV.
        Assert.Equal(new BusinessMetrics(0m, -100, 0m, null, null, null, null, 0, 0, 100), o.BusinessMetrics);
        Assert.Equal(new MrrMovements(0m, 0m, 0m, 100m, 0m), o.MrrMovements);
    }

    [Fact]
    public void A_workspace_that_starts_and_cancels_in_the_period_is_new_and_churned_but_not_in_churnRate()
    {
        BillingEvent[] events =
        [
            Started("B", "2026-10-01T00:00:00", 50m),
            Started("A", "2026-11-05T00:00:00", 100m), Canceled("A", "2026-11-20T00:00:00"),
        ];

        var o = Overview(events, Scopes.Platform, Timeframe.Month, AsOf);

        Assert.Equal(new MrrMovements(100m, 0m, 0m, 100m, 0m), o.MrrMovements);
        Assert.Equal(0, o.BusinessMetrics.ChurnRate); // B was the only one paying at the start, and still is
        Assert.Equal(50m, o.BusinessMetrics.Mrr);
        Assert.Equal(0, o.BusinessMetrics.MrrChange);
        Assert.Null(o.BusinessMetrics.Cac); // A's first payment is in the period, but no spend was recorded
    }

    [Fact]
    public void Cancel_then_reactivate_is_churn_plus_reactivation_and_no_customer_churn()
    {
        BillingEvent[] events =
        [
            Started("A", "2026-10-01T00:00:00", 100m), Canceled("A", "2026-11-10T00:00:00"), Started("A", "2026-11-20T00:00:00", 120m),
        ];

        var o = Overview(events, "A", Timeframe.Month, AsOf);

        Assert.Equal(new MrrMovements(0m, 0m, 0m, 100m, 120m), o.MrrMovements);
        Assert.Equal(0, o.BusinessMetrics.ChurnRate);
        Assert.Equal(120m, o.BusinessMetrics.Mrr);
        Assert.Equal(20, o.BusinessMetrics.MrrChange);
        Assert.Null(o.BusinessMetrics.Ltv); // no churn in the last 30 days
    }

    [Fact]
    public void An_annual_plan_counts_a_twelfth_a_month_and_arr_is_twelve_times_mrr()
    {
        BillingEvent[] events = [Started("A", "2026-11-10T00:00:00", 1000m, BillingInterval.Year)];

        var o = Overview(events, Scopes.Platform, Timeframe.Month, AsOf);

        Assert.Equal(83.33m, o.BusinessMetrics.Mrr);
        Assert.Equal(1000.00m, o.BusinessMetrics.Arr); // 83.333333 × 12 = 999.999996
        Assert.Equal(83.33m, o.MrrMovements.New);
    }

    [Fact]
    public void An_upgrade_and_a_downgrade_are_expansion_and_contraction()
    {
        BillingEvent[] events =
        [
            Started("A", "2026-10-01T00:00:00", 100m), Changed("A", "2026-11-05T00:00:00", 150m),
            Started("B", "2026-10-01T00:00:00", 200m), Changed("B", "2026-11-06T00:00:00", 120m),
        ];

        var o = Overview(events, Scopes.Platform, Timeframe.Month, AsOf);

        Assert.Equal(new MrrMovements(0m, 50m, 80m, 0m, 0m), o.MrrMovements);
        Assert.Equal(270m, o.BusinessMetrics.Mrr);
        Assert.Equal(-10, o.BusinessMetrics.MrrChange); // 300 → 270
        Assert.Equal(0, o.BusinessMetrics.ChurnRate);
    }

    [Fact]
    public void Trials_count_while_running_not_once_expired_or_converted()
    {
        BillingEvent[] events =
        [
            Trial("expires", "2026-11-20T00:00:00", "2026-11-27T00:00:00"),
            Trial("converts", "2026-11-20T00:00:00", "2026-12-04T00:00:00"), Started("converts", "2026-11-28T00:00:00", 30m),
            Trial("running", "2026-11-25T00:00:00", "2026-12-09T00:00:00"),
        ];

        Assert.Equal(3, Overview(events, Scopes.Platform, Timeframe.Week, "2026-11-26T00:00:00").BusinessMetrics.TrialWorkspaces);
        Assert.Equal(2, Overview(events, Scopes.Platform, Timeframe.Week, "2026-11-27T00:00:00").BusinessMetrics.TrialWorkspaces);
        var o = Overview(events, Scopes.Platform, Timeframe.Week, AsOf);
        Assert.Equal((1L, 1L, 30m), (o.BusinessMetrics.TrialWorkspaces!.Value, o.BusinessMetrics.PaidWorkspaces!.Value, o.BusinessMetrics.Mrr!.Value));
    }

    [Fact]
    public void A_previous_period_without_data_makes_changes_null()
    {
        BillingEvent[] events = [Started("A", "2026-11-10T00:00:00", 100m)];

        var o = Overview(events, Scopes.Platform, Timeframe.Month, AsOf);

        Assert.Null(o.BusinessMetrics.MrrChange); // MRR at the start was 0
        Assert.Null(o.BusinessMetrics.ChurnRate); // nobody paid at the start
        Assert.Null(o.BusinessMetrics.Ltv);
    }

    [Fact]
    public void An_empty_history_gives_zeros_and_nulls()
    {
        var o = Overview([], Scopes.Platform, Timeframe.All, AsOf);

        Assert.Equal(new BusinessMetrics(0m, null, 0m, null, null, null, null, 0, 0, null), o.BusinessMetrics);
        Assert.Empty(o.RevenueTrend);
    }

    [Fact]
    public void The_movement_identity_holds_exactly_and_after_rounding()
    {
        // Yearly amounts leave thirds of cents; the identity must still hold to the last digit.
        BillingEvent[] events =
        [
            Started("A", "2026-10-01T00:00:00", 1000m, BillingInterval.Year), Changed("A", "2026-11-03T00:00:00", 1001m, BillingInterval.Year),
            Started("B", "2026-11-02T00:00:00", 999.99m, BillingInterval.Year), Canceled("B", "2026-11-04T00:00:00"),
            Started("B", "2026-11-05T00:00:00", 10.005m), Started("C", "2026-10-02T00:00:00", 10.004m),
            Changed("C", "2026-11-06T00:00:00", 7m, BillingInterval.Year), Started("D", "2026-11-07T00:00:00", 100m, BillingInterval.Year),
            Canceled("D", "2026-11-08T00:00:00"),
        ];

        var o = Overview(events, Scopes.Platform, Timeframe.Month, At(AsOf), out var f);
        var m = f.Movements;
        Assert.Equal(f.AtAsOf.Mrr, f.AtStart.Mrr + m.New + m.Expansion + m.Reactivation - m.Contraction - m.Churned);

        var r = o.MrrMovements;
        Assert.Equal(o.BusinessMetrics.Mrr, Round.Amount(f.AtStart.Mrr) + r.New + r.Expansion + r.Reactivation - r.Contraction - r.Churned);
        Assert.All(new[] { (r.New, m.New), (r.Expansion, m.Expansion), (r.Contraction, m.Contraction), (r.Churned, m.Churned), (r.Reactivation, m.Reactivation) },
            p => Assert.True(Math.Abs(p.Item1!.Value - p.Item2) <= 0.01m && p.Item1 >= 0, $"{p.Item1} vs {p.Item2}"));
    }

    [Fact]
    public void Rounded_movements_telescope_from_the_rounded_start_to_the_rounded_end()
    {
        // start 10.004 → 10.00; +0.003 new → 10.007 → 10.01 (new 0.01); -0.004 churn → 10.003 → 10.00 (churned 0.01).
        var r = BillingOverviewBuilder.RoundMovements(10.004m, new MovementTotals(0.003m, 0, 0, 0.004m, 0), 10.003m);

        Assert.Equal(new MrrMovements(0.01m, 0m, 0m, 0.01m, 0m), r);
    }

    [Fact]
    public void An_LTV_to_CAC_ratio_beyond_a_decimal_is_still_a_number()
    {
        // 100 million workspaces paying the most an event may carry, one of them lost, a millionth of a dollar of spend:
        // LTV 10^15 and CAC 10^-14 are decimals, their ratio 10^29 is past decimal's 7.9·10^28.
        const long paid = 100_000_000;
        var mrr = new MrrSnapshot(Bounds.MaxAmount * paid, paid, 0);
        var period = ReportingPeriod.For(Timeframe.Month, At(AsOf));
        var figures = new BillingFigures(mrr, mrr, new CustomerChurn(paid, 1), new CustomerChurn(paid, 1), MovementTotals.Zero,
            paid, 0.000001m, period.TrendBuckets().Select(_ => mrr.Mrr).ToList());

        var b = BillingOverviewBuilder.Build(period, platform: true, figures).BusinessMetrics;

        Assert.Equal(1e15m, b.Ltv);
        Assert.InRange(b.LtvCacRatio!.Value, 0.999e29, 1.001e29);
    }

    [Fact]
    public void No_marketing_spend_means_no_CAC_and_zero_churn_means_no_LTV()
    {
        BillingEvent[] events = [Started("A", "2026-10-01T00:00:00", 100m), Started("B", "2026-11-10T00:00:00", 50m)];

        var b = Overview(events, Scopes.Platform, Timeframe.Month, AsOf).BusinessMetrics;

        Assert.Null(b.Cac);
        Assert.Null(b.Ltv); // A paid at 11-01 and still does: 0 % monthly churn
        Assert.Null(b.LtvCacRatio);
        Assert.Equal(0, b.ChurnRate);
    }
}
