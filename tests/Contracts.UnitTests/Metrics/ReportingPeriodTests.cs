using ExecutiveDashboard.Contracts.Metrics;

namespace ExecutiveDashboard.Contracts.UnitTests.Metrics;

public class ReportingPeriodTests
{
    // Monday 2026-11-02 10:00 UTC.
    private static readonly DateTime AsOf = Utc("2026-11-02T10:00:00");

    private static DateTime Utc(string iso) =>
        DateTime.SpecifyKind(DateTime.Parse(iso, System.Globalization.CultureInfo.InvariantCulture), DateTimeKind.Utc);

    [Theory]
    // period = [asOf − L, asOf), previous = [start − L, start)
    [InlineData("24h", "2026-11-01T10:00:00", "2026-10-31T10:00:00")]  // 02 10:00 − 24 h; 01 10:00 − 24 h
    [InlineData("7d", "2026-10-26T10:00:00", "2026-10-19T10:00:00")]   // 02 Nov − 7 d = 26 Oct; − 7 d = 19 Oct
    [InlineData("30d", "2026-10-03T10:00:00", "2026-09-03T10:00:00")]  // 02 Nov − 30 d = 03 Oct (31-day Oct); − 30 d = 03 Sep
    [InlineData("90d", "2026-08-04T10:00:00", "2026-05-06T10:00:00")]  // 02 Nov − (29+30+31) d = 04 Aug; − (29+30+31) d = 06 May
    public void Fixed_timeframes_end_at_asOf_and_the_previous_period_ends_at_start(string wire, string start, string previousStart)
    {
        Timeframes.TryParse(wire, out var timeframe);

        var period = ReportingPeriod.For(timeframe, AsOf);

        Assert.Equal(new Period(Utc(start), AsOf), period.Current);
        Assert.Equal(new Period(Utc(previousStart), Utc(start)), period.Previous);
        Assert.Equal(DateTimeKind.Utc, period.Current.Start.Kind);
    }

    [Fact]
    public void All_starts_at_the_earliest_event_and_has_no_previous_period()
    {
        var period = ReportingPeriod.For(Timeframe.All, AsOf, earliestEvent: Utc("2026-10-14T15:30:00"));

        Assert.Equal(new Period(Utc("2026-10-14T15:30:00"), AsOf), period.Current);
        Assert.Null(period.Previous);
    }

    [Fact]
    public void All_without_events_is_empty_and_has_no_buckets()
    {
        var period = ReportingPeriod.For(Timeframe.All, AsOf, earliestEvent: null);

        Assert.True(period.Current.IsEmpty);
        Assert.Equal(AsOf, period.Current.End);
        Assert.Null(period.Previous);
        Assert.Empty(period.TrendBuckets());
    }

    [Theory]
    [InlineData("24h", 24, 1.0)]    // 24 h / 1 h
    [InlineData("7d", 28, 6.0)]     // 7 × 24 h / 6 h
    [InlineData("30d", 30, 24.0)]   // 30 d / 1 d
    [InlineData("90d", 90, 24.0)]   // 90 d / 1 d
    public void Fixed_timeframes_have_equal_buckets_from_start_to_asOf(string wire, int count, double stepHours)
    {
        Timeframes.TryParse(wire, out var timeframe);
        var period = ReportingPeriod.For(timeframe, AsOf);

        var buckets = period.TrendBuckets();

        Assert.Equal(count, buckets.Count);
        Assert.Equal(period.Current.Start, buckets[0].Start);
        Assert.Equal(AsOf, buckets[^1].End);
        Assert.All(buckets, b => Assert.Equal(TimeSpan.FromHours(stepHours), b.Length));
        AssertContiguous(buckets);
    }

    [Fact]
    public void Day_buckets_follow_an_asOf_that_is_not_on_the_hour()
    {
        var asOf = Utc("2026-11-02T10:17:30");

        var buckets = ReportingPeriod.For(Timeframe.Day, asOf).TrendBuckets();

        Assert.Equal(24, buckets.Count);
        // asOf − 24 h = 01 Nov 10:17:30; first bucket is one hour from there.
        Assert.Equal(new Period(Utc("2026-11-01T10:17:30"), Utc("2026-11-01T11:17:30")), buckets[0]);
        Assert.Equal(new Period(Utc("2026-11-02T09:17:30"), asOf), buckets[^1]);
        AssertContiguous(buckets);
    }

    [Fact]
    public void All_buckets_are_weeks_from_the_Monday_before_the_first_event_and_the_last_is_cut_at_asOf()
    {
        // First event Wednesday 14 Oct 15:30 → Monday 12 Oct 00:00; weeks 12, 19, 26 Oct, 2 Nov (cut at 10:00).
        var period = ReportingPeriod.For(Timeframe.All, AsOf, earliestEvent: Utc("2026-10-14T15:30:00"));

        var buckets = period.TrendBuckets();

        Assert.Equal(
            [
                new Period(Utc("2026-10-12T00:00:00"), Utc("2026-10-19T00:00:00")),
                new Period(Utc("2026-10-19T00:00:00"), Utc("2026-10-26T00:00:00")),
                new Period(Utc("2026-10-26T00:00:00"), Utc("2026-11-02T00:00:00")),
                new Period(Utc("2026-11-02T00:00:00"), AsOf),
            ],
            buckets);
    }

    [Theory]
    [InlineData("2026-10-12T00:00:00", "2026-10-12T00:00:00")]  // a Monday at midnight is its own start
    [InlineData("2026-10-12T15:00:00", "2026-10-12T00:00:00")]  // later on a Monday → that Monday
    [InlineData("2026-10-18T23:59:59", "2026-10-12T00:00:00")]  // Sunday → the Monday six days before
    public void All_first_bucket_starts_on_the_Monday_on_or_before_the_first_event(string firstEvent, string monday)
    {
        var buckets = ReportingPeriod.For(Timeframe.All, AsOf, Utc(firstEvent)).TrendBuckets();

        Assert.Equal(Utc(monday), buckets[0].Start);
        Assert.Equal(DayOfWeek.Monday, buckets[0].Start.DayOfWeek);
        Assert.Equal(AsOf, buckets[^1].End);
        AssertContiguous(buckets);
    }

    private static void AssertContiguous(IReadOnlyList<Period> buckets)
    {
        for (var i = 1; i < buckets.Count; i++)
        {
            Assert.Equal(buckets[i - 1].End, buckets[i].Start);
        }
    }
}
