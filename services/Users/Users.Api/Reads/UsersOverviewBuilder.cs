using ExecutiveDashboard.Contracts.Dashboard;
using ExecutiveDashboard.Contracts.Metrics;
using ExecutiveDashboard.Users.Model;

namespace ExecutiveDashboard.Users.Reads;

/// <summary>Turns distinct counts into the users part of the dashboard contract, every field as docs/metrics.md
/// defines it.</summary>
public static class UsersOverviewBuilder
{
    public const int Current = 0;
    public const int Previous = 1;
    public const int Dau = 2;
    public const int Mau = 6;
    public const int FirstBucket = 8;

    /// <summary>The window of the daily active users: the day before the instant they are counted at.</summary>
    public static readonly TimeSpan DauWindow = TimeSpan.FromDays(1);

    private static readonly TimeSpan[] FixedWindows = [DauWindow, TimeSpan.FromDays(7), TimeSpan.FromDays(30)];

    /// <summary>Every window whose distinct active users the overview needs, in this order: the period, the
    /// previous period (empty for <c>all</c>), then day, week and month ending at asOf each followed by the
    /// window of the same length just before (dau/wau/mau are independent of the timeframe), then the trend buckets.</summary>
    public static IReadOnlyList<Period> Windows(ReportingPeriod period)
    {
        var windows = new List<Period> { period.Current, period.Previous ?? new Period(period.Current.Start, period.Current.Start) };
        foreach (var length in FixedWindows)
        {
            var window = Period.Ending(period.AsOf, length);
            windows.Add(window);
            windows.Add(Period.Ending(window.Start, length));
        }
        windows.AddRange(period.TrendBuckets());
        return windows;
    }

    public static UsersOverview Build(ReportingPeriod period, UserCounts counts)
    {
        var active = counts.ActiveUsers;
        var metrics = new UserMetrics(
            Dau: active[Dau], DauChange: Change.Relative(active[Dau], active[Dau + 1]),
            Wau: active[Dau + 2], WauChange: Change.Relative(active[Dau + 2], active[Dau + 3]),
            Mau: active[Mau], MauChange: Change.Relative(active[Mau], active[Mau + 1]),
            NewUsers: counts.NewUsers,
            ChurnedUsers: period.Previous is null ? 0 : counts.ChurnedUsers,
            ActiveRate: Round.Rate(active[Current], counts.KnownUsers));

        var buckets = period.TrendBuckets();
        return new UsersOverview(
            new PeriodRange(period.Current.Start, period.Current.End),
            metrics,
            counts.ActiveWorkspaces,
            buckets.Select((b, i) => new TimeSeriesPoint(b.Start, active[FirstBucket + i])).ToList());
    }
}
