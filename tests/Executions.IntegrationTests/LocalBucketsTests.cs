using ExecutiveDashboard.TestSupport;
using Npgsql;
using static ExecutiveDashboard.Executions.IntegrationTests.Events;

namespace ExecutiveDashboard.Executions.IntegrationTests;

/// <summary>
/// Trend buckets at a reader's local boundaries (<c>tz</c>, <c>weekStart</c>): their edges as <see cref="ExpectedPeriods"/>
/// finds them with the operating system's zone rules, and every bucket's runs and failures equal to PostgreSQL's count over
/// the raw runs, across daylight-saving changes and half and quarter hour offsets, where the edges fall inside the hours and
/// minutes of the rollups.
/// </summary>
[Collection(ServersCollection.Name)]
public sealed class LocalBucketsTests(ZonedRunsFixture seeded) : IClassFixture<ZonedRunsFixture>
{
    private readonly ExecutionsService _service = seeded.Service;

    public static TheoryData<string, string, string, string, string> Reads => new()
    {
        { "all", "7d", "2026-03-11T09:41:17.250Z", "America/New_York", "monday" },       // spring forward 03-08
        { "ws_1", "30d", "2026-03-20T00:00:00Z", "America/New_York", "sunday" },
        { "all", "90d", "2026-04-20T12:34:56.789Z", "Australia/Lord_Howe", "monday" },   // +11 → +10:30 on 04-05
        { "ws_0", "30d", "2026-10-20T00:00:00Z", "Australia/Lord_Howe", "monday" },      // +10:30 → +11 on 10-04
        { "all", "7d", "2026-11-04T12:00:00Z", "America/New_York", "monday" },           // fall back 11-01
        { "ws_0", "7d", "2026-11-05T06:30:00Z", "Asia/Kathmandu", "monday" },            // +05:45, a 15-minute last bucket merged
        { "all", "30d", "2026-11-10T10:00:00.001Z", "Asia/Kolkata", "monday" },          // +05:30
        { "all", "all", "2026-11-20T08:30:00.500Z", "Asia/Kolkata", "sunday" },
        { "ws_2", "all", "2026-04-20T00:00:00Z", "America/New_York", "saturday" },
        { "all", "7d", "2026-11-02T10:00:00Z", "UTC", "monday" },
        { "all", "24h", "2026-03-08T12:00:00Z", "America/New_York", "monday" },          // 24h keeps its hours
    };

    [Theory]
    [MemberData(nameof(Reads))]
    public async Task Every_local_bucket_equals_a_count_over_the_raw_runs(string scope, string timeframe, string asOf, string tz, string weekStart)
    {
        var o = await _service.OverviewAsync(scope, timeframe, asOf, $"&tz={Uri.EscapeDataString(tz)}&weekStart={weekStart}");
        var where = scope == "all" ? "" : $"AND workspace_id = '{scope}'";
        await using var connection = new NpgsqlConnection(_service.ConnectionString);
        await connection.OpenAsync();
        await using var earliest = new NpgsqlCommand($"SELECT min(completed_at) FROM runs WHERE true {where}", connection);
        var period = ExpectedPeriods.Current(timeframe, At(asOf), (DateTime)(await earliest.ExecuteScalarAsync())!);
        Assert.Equal((period.Start, period.End), (o.Period.Start, o.Period.End));

        var buckets = ExpectedPeriods.LocalTrendBuckets(timeframe, period.Start, period.End, tz, Enum.Parse<DayOfWeek>(weekStart, ignoreCase: true));
        Assert.Equal(buckets.Select(b => b.Start), o.ExecutionTrend.Select(p => p.Timestamp));
        var total = 0L;
        foreach (var (point, bucket) in o.ExecutionTrend.Zip(buckets))
        {
            await using var count = new NpgsqlCommand($"""
                SELECT count(*), count(*) FILTER (WHERE NOT succeeded) FROM runs
                WHERE completed_at >= greatest('{Iso(bucket.Start)}'::timestamptz, '{Iso(period.Start)}'::timestamptz)
                  AND completed_at < '{Iso(bucket.End)}'::timestamptz {where}
                """, connection);
            await using var reader = await count.ExecuteReaderAsync();
            await reader.ReadAsync();
            Assert.Equal((reader.GetInt64(0), reader.GetInt64(1)), ((long)point.Value, point.Failed!.Value));
            total += reader.GetInt64(0);
        }
        Assert.True(total > 0, "the dataset should put runs in the buckets read here");
        Assert.Equal(o.ExecutionMetrics.TotalRuns, total);
    }
}
