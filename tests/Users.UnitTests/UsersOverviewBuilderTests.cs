using ExecutiveDashboard.Contracts.Metrics;
using ExecutiveDashboard.Users.Reads;
using ExecutiveDashboard.Users.Model;
using static ExecutiveDashboard.Users.UnitTests.Utc;

namespace ExecutiveDashboard.Users.UnitTests;

public sealed class UsersOverviewBuilderTests
{
    private static readonly DateTime AsOf = At("2026-11-29T12:30:00");

    private static UserCounts Counts(ReportingPeriod period, Dictionary<int, long> active,
        long churned = 0, long workspaces = 0, long known = 0, long fresh = 0)
    {
        var perWindow = new long[UsersOverviewBuilder.Windows(period).Count];
        foreach (var (i, n) in active)
        {
            perWindow[i] = n;
        }
        return new UserCounts(perWindow, churned, workspaces, known, fresh);
    }

    [Fact]
    public void Windows_are_period_previous_then_fixed_day_week_month_and_the_ones_before_then_buckets()
    {
        var period = ReportingPeriod.For(Timeframe.Week, AsOf);

        var w = UsersOverviewBuilder.Windows(period);

        Assert.Equal(8 + 28, w.Count);
        Assert.Equal(new Period(At("2026-11-22T12:30:00"), AsOf), w[0]);
        Assert.Equal(new Period(At("2026-11-15T12:30:00"), At("2026-11-22T12:30:00")), w[1]);
        Assert.Equal(new Period(At("2026-11-28T12:30:00"), AsOf), w[2]);
        Assert.Equal(new Period(At("2026-11-27T12:30:00"), At("2026-11-28T12:30:00")), w[3]);
        Assert.Equal(new Period(At("2026-11-22T12:30:00"), AsOf), w[4]);
        Assert.Equal(new Period(At("2026-11-15T12:30:00"), At("2026-11-22T12:30:00")), w[5]);
        Assert.Equal(new Period(At("2026-10-30T12:30:00"), AsOf), w[6]);
        Assert.Equal(new Period(At("2026-09-30T12:30:00"), At("2026-10-30T12:30:00")), w[7]);
        Assert.Equal(new Period(At("2026-11-22T12:30:00"), At("2026-11-22T18:30:00")), w[8]);
        Assert.Equal(new Period(At("2026-11-29T06:30:00"), AsOf), w[^1]);
    }

    [Fact]
    public void No_data_gives_zero_counts_and_null_rates_and_changes()
    {
        var period = ReportingPeriod.For(Timeframe.Day, AsOf);

        var o = UsersOverviewBuilder.Build(period, Counts(period, []));
        var m = o.UserMetrics;

        Assert.Equal((0L, 0L, 0L, 0L, 0L), (m.Dau!.Value, m.Wau!.Value, m.Mau!.Value, m.NewUsers!.Value, m.ChurnedUsers!.Value));
        Assert.Null(m.DauChange);
        Assert.Null(m.WauChange);
        Assert.Null(m.MauChange);
        Assert.Null(m.ActiveRate);
        Assert.Equal(0, o.ActiveWorkspaces);
        Assert.Equal(24, o.UsersTrend.Count);
        Assert.All(o.UsersTrend, p => Assert.Equal(0, p.Value));
    }

    [Fact]
    public void Changes_compare_each_fixed_window_with_the_one_before_and_are_null_when_it_was_empty()
    {
        var period = ReportingPeriod.For(Timeframe.Month, AsOf);

        var m = UsersOverviewBuilder.Build(period, Counts(period, new() { [2] = 3, [3] = 2, [4] = 4, [5] = 0, [6] = 5, [7] = 10 })).UserMetrics;

        Assert.Equal((3L, 50.0), (m.Dau!.Value, m.DauChange!.Value));   // (3 − 2) / 2
        Assert.Equal(4, m.Wau);
        Assert.Null(m.WauChange);                                      // previous week had nobody
        Assert.Equal((5L, -50.0), (m.Mau!.Value, m.MauChange!.Value)); // (5 − 10) / 10
    }

    [Fact]
    public void Active_rate_is_active_in_the_period_over_known_by_asOf()
    {
        var period = ReportingPeriod.For(Timeframe.Week, AsOf);

        var m = UsersOverviewBuilder.Build(period, Counts(period, new() { [0] = 3 }, churned: 2, known: 8, fresh: 1)).UserMetrics;

        Assert.Equal(37.5, m.ActiveRate);   // 3 / 8
        Assert.Equal(2, m.ChurnedUsers);
        Assert.Equal(1, m.NewUsers);
    }

    [Fact]
    public void Active_rate_rounds_to_two_decimals()
    {
        var period = ReportingPeriod.For(Timeframe.Week, AsOf);

        var m = UsersOverviewBuilder.Build(period, Counts(period, new() { [0] = 1 }, known: 3)).UserMetrics;

        Assert.Equal(33.33, m.ActiveRate);
    }

    [Fact]
    public void All_has_no_previous_period_so_nobody_churned()
    {
        var period = ReportingPeriod.For(Timeframe.All, AsOf, At("2026-11-11T00:00:00"));

        var o = UsersOverviewBuilder.Build(period, Counts(period, new() { [0] = 2, [1] = 7 }, churned: 7, known: 2));

        Assert.Equal(0, o.UserMetrics.ChurnedUsers);
        Assert.Equal(100, o.UserMetrics.ActiveRate);
        Assert.Equal(new DateTime(2026, 11, 11, 0, 0, 0, DateTimeKind.Utc), o.Period.Start);
    }

    [Fact]
    public void Trend_points_are_the_distinct_users_of_each_bucket_at_its_start()
    {
        // all: weeks from the Monday on or before the first event (2026-11-11 is a Wednesday → Monday 11-09).
        var period = ReportingPeriod.For(Timeframe.All, AsOf, At("2026-11-11T00:00:00"));

        var o = UsersOverviewBuilder.Build(period, Counts(period, new() { [8] = 1, [9] = 4, [10] = 2 }, workspaces: 3));

        Assert.Equal(
            [(At("2026-11-09T00:00:00"), 1.0), (At("2026-11-16T00:00:00"), 4.0), (At("2026-11-23T00:00:00"), 2.0)], // the last one cut at asOf
            o.UsersTrend.Select(p => (p.Timestamp, p.Value)));
        Assert.Equal(3, o.ActiveWorkspaces);
    }
}
