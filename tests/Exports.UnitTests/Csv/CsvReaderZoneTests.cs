using ExecutiveDashboard.Contracts.Dashboard;
using ExecutiveDashboard.Contracts.Metrics;
using NodaTime;

namespace ExecutiveDashboard.Exports.UnitTests.Csv;

/// <summary>A CSV exported for a reader's zone writes each instant as that zone's wall-clock time with its offset, and
/// names the zone and week start in its meta rows.</summary>
public sealed class CsvReaderZoneTests
{
    private static IReadOnlyList<CsvRow> Rows(string zone, params TimeSeriesPoint[] users)
    {
        var small = Dashboards.Small();
        var document = small with
        {
            Overview = small.Overview with { Trends = new Trends([], users, [], []) },
            Reader = new ReaderCalendar(DateTimeZoneProviders.Tzdb[zone], IsoDayOfWeek.Sunday),
        };
        return CsvFile.Rows(CsvFile.Write(document));
    }

    private static DateTime Utc(int month, int day, int hour, int minute = 0) => new(2026, month, day, hour, minute, 0, DateTimeKind.Utc);

    [Fact]
    public void Times_are_written_in_the_zone_with_the_offset_of_their_instant()
    {
        // New York: 10-31 04:00Z is 00:00 EDT (-04:00); 11-02 05:00Z is 00:00 EST (-05:00).
        var rows = Rows("America/New_York", new TimeSeriesPoint(Utc(10, 31, 4), 1), new TimeSeriesPoint(Utc(11, 2, 5), 2));

        Assert.Equal(["2026-10-31T00:00:00-04:00", "2026-11-02T00:00:00-05:00"],
            rows.Where(r => r.Section == "trends.users").Select(r => r.Timestamp));
    }

    [Fact]
    public void Quarter_hour_offsets_are_written_whole()
    {
        var rows = Rows("Asia/Kathmandu", new TimeSeriesPoint(Utc(11, 1, 18, 15), 1));   // 00:00 NPT (+05:45) on 11-02

        Assert.Equal("2026-11-02T00:00:00+05:45", rows.Single(r => r.Section == "trends.users").Timestamp);
    }

    [Fact]
    public void The_meta_rows_name_the_zone_and_the_week_start()
    {
        var rows = Rows("Asia/Kolkata");

        Assert.Equal("Asia/Kolkata", rows.Single(r => r.Section == "meta" && r.Metric == "timeZone").Value);
        Assert.Equal("sunday", rows.Single(r => r.Section == "meta" && r.Metric == "weekStart").Value);
        // asOf 2026-12-06 08:00:00.250Z is 13:30:00.25 IST.
        Assert.Equal("2026-12-06T13:30:00.25+05:30", rows.Single(r => r.Section == "meta" && r.Metric == "asOf").Value);
    }

    [Fact]
    public void Without_a_zone_there_are_no_zone_rows()
    {
        var rows = CsvFile.Rows(CsvFile.Write(Dashboards.Small()));

        Assert.DoesNotContain(rows, r => r.Metric is "timeZone" or "weekStart");
        Assert.EndsWith("Z", rows.Single(r => r.Section == "meta" && r.Metric == "asOf").Value);
    }
}
