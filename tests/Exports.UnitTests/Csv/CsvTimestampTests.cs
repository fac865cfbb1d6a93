using System.Text.Json;
using ExecutiveDashboard.Contracts.Dashboard;

namespace ExecutiveDashboard.Exports.UnitTests.Csv;

public sealed class CsvTimestampTests
{
    public static TheoryData<DateTime> Times =>
    [
        new DateTime(2026, 12, 6, 8, 0, 0, DateTimeKind.Utc),
        new DateTime(2026, 12, 6, 8, 0, 0, 250, DateTimeKind.Utc),
        new DateTime(2026, 12, 6, 8, 0, 0, 7, DateTimeKind.Utc),
        new DateTime(2026, 12, 6, 8, 0, 0, DateTimeKind.Utc).AddTicks(1),
        DateTime.SpecifyKind(DateTime.MaxValue, DateTimeKind.Utc),
    ];

    [Theory]
    [MemberData(nameof(Times))]
    public void A_time_is_written_as_the_overview_s_json_writes_it(DateTime time)
    {
        var overview = Dashboards.Small().Overview with { Trends = new Trends([], [new TimeSeriesPoint(time, 1)], [], []) };

        var row = CsvFile.Rows(CsvFile.Write(Dashboards.Document(overview))).Single(r => r.Section == "trends.users");

        Assert.Equal(JsonSerializer.Serialize(time, JsonSerializerOptions.Web).Trim('"'), row.Timestamp);
    }
}
