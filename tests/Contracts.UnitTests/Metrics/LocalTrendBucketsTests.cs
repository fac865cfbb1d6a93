using System.Globalization;
using ExecutiveDashboard.Contracts.Metrics;
using NodaTime;
using Period = ExecutiveDashboard.Contracts.Metrics.Period;

namespace ExecutiveDashboard.Contracts.UnitTests.Metrics;

/// <summary>The trend buckets of a reader with a time zone, every edge computed by hand from the zone's offsets.</summary>
public class LocalTrendBucketsTests
{
    private static DateTime Utc(string iso) =>
        DateTime.SpecifyKind(DateTime.Parse(iso, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal), DateTimeKind.Utc);

    private static ReaderCalendar In(string zone, IsoDayOfWeek weekStart = IsoDayOfWeek.Monday) =>
        new(DateTimeZoneProviders.Tzdb[zone], weekStart);

    private static IReadOnlyList<Period> Buckets(Timeframe timeframe, string asOf, ReaderCalendar calendar, string? earliest = null) =>
        ReportingPeriod.For(timeframe, Utc(asOf), earliest is null ? null : Utc(earliest), calendar).TrendBuckets();

    private static void AssertContiguous(IReadOnlyList<Period> buckets)
    {
        foreach (var (a, b) in buckets.Zip(buckets.Skip(1)))
        {
            Assert.Equal(a.End, b.Start);
        }
    }

    [Fact]
    public void Kolkata_30d_cuts_at_local_midnight_which_is_18_30_utc()
    {
        // [10-03 10:00Z, 11-02 10:00Z) is 15:30 IST on 10-03 to 15:30 IST on 11-02: local midnights 10-04 … 11-02 (30) → 31 buckets.
        var buckets = Buckets(Timeframe.Month, "2026-11-02T10:00:00Z", In("Asia/Kolkata"));

        Assert.Equal(31, buckets.Count);
        Assert.Equal(new Period(Utc("2026-10-03T10:00:00Z"), Utc("2026-10-03T18:30:00Z")), buckets[0]);
        Assert.Equal(new Period(Utc("2026-10-03T18:30:00Z"), Utc("2026-10-04T18:30:00Z")), buckets[1]);
        Assert.Equal(new Period(Utc("2026-11-01T18:30:00Z"), Utc("2026-11-02T10:00:00Z")), buckets[^1]);
        AssertContiguous(buckets);
    }

    [Fact]
    public void Kathmandu_7d_cuts_at_local_00_06_12_18_which_are_a_quarter_past_in_utc()
    {
        // +05:45: 18:00 NPT is 12:15Z, 12:00 NPT is 06:15Z. Start 10-26 10:00Z = 15:45 NPT; asOf 11-02 10:00Z = 15:45 NPT.
        var buckets = Buckets(Timeframe.Week, "2026-11-02T10:00:00Z", In("Asia/Kathmandu"));

        Assert.Equal(29, buckets.Count);   // 18:00 on 10-26, 4 a day on 10-27 … 11-01 (24), 00/06/12 on 11-02: 28 cuts
        Assert.Equal(new Period(Utc("2026-10-26T10:00:00Z"), Utc("2026-10-26T12:15:00Z")), buckets[0]);
        Assert.Equal(new Period(Utc("2026-10-26T12:15:00Z"), Utc("2026-10-26T18:15:00Z")), buckets[1]);
        Assert.Equal(new Period(Utc("2026-11-02T06:15:00Z"), Utc("2026-11-02T10:00:00Z")), buckets[^1]);
        AssertContiguous(buckets);
    }

    [Fact]
    public void New_York_7d_across_the_november_change_has_a_7_hour_bucket_from_midnight_to_6()
    {
        // 11-01: 00:00 EDT = 04:00Z; clocks fall back at 06:00Z (02:00 EDT → 01:00 EST); 06:00 EST = 11:00Z.
        var buckets = Buckets(Timeframe.Week, "2026-11-04T12:00:00Z", In("America/New_York"));

        Assert.Equal(29, buckets.Count);   // 12, 18 on 10-28; 4 a day on 10-29 … 11-03 (24); 00, 06 on 11-04
        Assert.Equal(new Period(Utc("2026-10-28T12:00:00Z"), Utc("2026-10-28T16:00:00Z")), buckets[0]);   // 08:00 → 12:00 EDT
        var change = buckets.Single(b => b.Start == Utc("2026-11-01T04:00:00Z"));
        Assert.Equal(Utc("2026-11-01T11:00:00Z"), change.End);
        Assert.Equal(new Period(Utc("2026-11-01T11:00:00Z"), Utc("2026-11-01T17:00:00Z")), buckets.Single(b => b.Start == change.End));
        Assert.Equal(new Period(Utc("2026-11-04T11:00:00Z"), Utc("2026-11-04T12:00:00Z")), buckets[^1]);   // exactly an hour: kept
        AssertContiguous(buckets);
    }

    [Fact]
    public void New_York_30d_across_the_march_change_has_a_23_hour_day()
    {
        // 03-08: midnight EST = 05:00Z; 03-09: midnight EDT = 04:00Z.
        var buckets = Buckets(Timeframe.Month, "2026-03-10T12:00:00Z", In("America/New_York"));

        Assert.Contains(new Period(Utc("2026-03-08T05:00:00Z"), Utc("2026-03-09T04:00:00Z")), buckets);
        Assert.Contains(new Period(Utc("2026-03-07T05:00:00Z"), Utc("2026-03-08T05:00:00Z")), buckets);
        Assert.Equal(new Period(Utc("2026-03-10T04:00:00Z"), Utc("2026-03-10T12:00:00Z")), buckets[^1]);
        Assert.Equal(31, buckets.Count);   // start 02-08 12:00Z = 07:00 EST; midnights 02-09 … 03-10 (30)
        AssertContiguous(buckets);
    }

    [Fact]
    public void Lord_Howe_30d_across_its_half_hour_change_has_a_23_and_a_half_hour_day()
    {
        // 10-04 02:00 +10:30 → 02:30 +11. Midnight 10-04 (+10:30) = 10-03 13:30Z; midnight 10-05 (+11) = 10-04 13:00Z.
        var buckets = Buckets(Timeframe.Month, "2026-10-10T00:00:00Z", In("Australia/Lord_Howe"));

        Assert.Contains(new Period(Utc("2026-10-03T13:30:00Z"), Utc("2026-10-04T13:00:00Z")), buckets);
        Assert.Equal(new Period(Utc("2026-10-09T13:00:00Z"), Utc("2026-10-10T00:00:00Z")), buckets[^1]);
        AssertContiguous(buckets);
    }

    [Fact]
    public void A_last_bucket_shorter_than_an_hour_joins_the_one_before()
    {
        // asOf 11-02 06:30Z = 12:15 NPT: the cut at 12:00 NPT (06:15Z) would leave 15 minutes.
        var buckets = Buckets(Timeframe.Week, "2026-11-02T06:30:00Z", In("Asia/Kathmandu"));

        Assert.Equal(new Period(Utc("2026-11-02T00:15:00Z"), Utc("2026-11-02T06:30:00Z")), buckets[^1]);
        Assert.Equal(Utc("2026-10-26T06:30:00Z"), buckets[0].Start);
        Assert.Equal(Utc("2026-10-26T12:15:00Z"), buckets[0].End);
    }

    [Fact]
    public void A_first_bucket_shorter_than_an_hour_joins_the_one_after()
    {
        // start 10-26 06:00Z = 11:45 NPT: the cut at 12:00 NPT (06:15Z) would leave 15 minutes.
        var buckets = Buckets(Timeframe.Week, "2026-11-02T06:00:00Z", In("Asia/Kathmandu"));

        Assert.Equal(new Period(Utc("2026-10-26T06:00:00Z"), Utc("2026-10-26T12:15:00Z")), buckets[0]);
        Assert.Equal(new Period(Utc("2026-11-02T00:15:00Z"), Utc("2026-11-02T06:00:00Z")), buckets[^1]);
    }

    [Fact]
    public void All_starts_at_the_local_week_start_on_or_before_the_first_event()
    {
        // First event Wed 10-14 15:30Z = 21:00 IST; Sunday 10-11 00:00 IST = 10-10 18:30Z. asOf Mon 11-02 10:00Z.
        var buckets = Buckets(Timeframe.All, "2026-11-02T10:00:00Z", In("Asia/Kolkata", IsoDayOfWeek.Sunday), "2026-10-14T15:30:00Z");

        Assert.Equal(
            [
                new Period(Utc("2026-10-10T18:30:00Z"), Utc("2026-10-17T18:30:00Z")),
                new Period(Utc("2026-10-17T18:30:00Z"), Utc("2026-10-24T18:30:00Z")),
                new Period(Utc("2026-10-24T18:30:00Z"), Utc("2026-10-31T18:30:00Z")),
                new Period(Utc("2026-10-31T18:30:00Z"), Utc("2026-11-02T10:00:00Z")),
            ],
            buckets);
    }

    [Fact]
    public void All_weeks_across_a_change_are_a_week_of_local_days_not_of_168_hours()
    {
        // Monday weeks in New York: 10-26 00:00 EDT = 04:00Z, 11-02 00:00 EST = 05:00Z (169 hours).
        var buckets = Buckets(Timeframe.All, "2026-11-04T12:00:00Z", In("America/New_York"), "2026-10-27T12:00:00Z");

        Assert.Equal(
            [
                new Period(Utc("2026-10-26T04:00:00Z"), Utc("2026-11-02T05:00:00Z")),
                new Period(Utc("2026-11-02T05:00:00Z"), Utc("2026-11-04T12:00:00Z")),
            ],
            buckets);
    }

    [Fact]
    public void Without_a_zone_the_week_start_still_places_the_weeks_of_all_in_utc()
    {
        // Wed 10-14 15:30Z: Sunday 10-11 00:00Z.
        var calendar = new ReaderCalendar(null, IsoDayOfWeek.Sunday);
        var buckets = Buckets(Timeframe.All, "2026-10-20T00:00:00Z", calendar, "2026-10-14T15:30:00Z");

        Assert.Equal(
            [
                new Period(Utc("2026-10-11T00:00:00Z"), Utc("2026-10-18T00:00:00Z")),
                new Period(Utc("2026-10-18T00:00:00Z"), Utc("2026-10-20T00:00:00Z")),
            ],
            buckets);
    }

    [Theory]
    [InlineData(Timeframe.Day)]
    [InlineData(Timeframe.Week)]
    [InlineData(Timeframe.Month)]
    [InlineData(Timeframe.Quarter)]
    public void Without_a_zone_nothing_changes(Timeframe timeframe)
    {
        var asOf = Utc("2026-11-02T10:17:03.123Z");
        Assert.Equal(ReportingPeriod.For(timeframe, asOf).TrendBuckets(),
            ReportingPeriod.For(timeframe, asOf, calendar: new ReaderCalendar(null, IsoDayOfWeek.Monday)).TrendBuckets());
        Assert.Equal(ReportingPeriod.For(timeframe, asOf).TrendBuckets()[0].Start, asOf - timeframe.Length()!.Value);
    }

    [Fact]
    public void The_24h_view_keeps_its_equal_hours_in_any_zone()
    {
        var asOf = Utc("2026-11-02T10:17:03.123Z");
        Assert.Equal(ReportingPeriod.For(Timeframe.Day, asOf).TrendBuckets(),
            ReportingPeriod.For(Timeframe.Day, asOf, calendar: In("Asia/Kathmandu")).TrendBuckets());
    }

    [Fact]
    public void Utc_as_a_zone_cuts_at_whole_utc_quarter_days()
    {
        var buckets = Buckets(Timeframe.Week, "2026-11-02T10:17:00Z", In("Etc/UTC"));

        Assert.Equal(new Period(Utc("2026-10-26T10:17:00Z"), Utc("2026-10-26T12:00:00Z")), buckets[0]);
        Assert.Equal(new Period(Utc("2026-11-02T06:00:00Z"), Utc("2026-11-02T10:17:00Z")), buckets[^1]);
        Assert.Equal(29, buckets.Count);
    }
}
