using System.Diagnostics;
using ExecutiveDashboard.Contracts.Metrics;
using ExecutiveDashboard.Users.Ingest;
using ExecutiveDashboard.Users.Reads;
using Npgsql;

namespace ExecutiveDashboard.Users.ReadBenchmark;

/// <summary>Where the platform read's time goes: fetching every row and building the index, then counting in memory.</summary>
static class Probe
{
    public static async Task RunAsync(NpgsqlDataSource dataSource, DateTime end)
    {
        var watch = Stopwatch.StartNew();
        var index = new ActiveUsersIndex();
        await using (var command = dataSource.CreateCommand("SELECT user_key, block, spans, workspace_id FROM user_activity_spans"))
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                index.Apply(reader.GetInt64(0), reader.GetString(3), reader.GetInt32(1), reader.GetFieldValue<byte[]>(2));
            }
        }
        Console.WriteLine($"probe: fetched and indexed {index.Users:N0} users in {watch.Elapsed.TotalMilliseconds:F0} ms");
        foreach (var timeframe in new[] { Timeframe.Day, Timeframe.Month, Timeframe.Quarter })
        {
            for (var round = 0; round < 5; round++)
            {
                var asOf = end.AddHours(-1).AddMilliseconds(-17 - round);
                var windows = UsersOverviewBuilder.Windows(ReportingPeriod.For(timeframe, asOf))
                    .Select(w => (ActivitySpans.Ms(w.Start), ActivitySpans.Ms(w.End))).ToList();
                watch.Restart();
                index.Count(windows, UsersOverviewBuilder.Current, UsersOverviewBuilder.Previous, workspace: null);
                Console.WriteLine($"probe {timeframe.ToWire()} platform in memory: count {watch.Elapsed.TotalMilliseconds:F2} ms");
            }
        }
    }
}
