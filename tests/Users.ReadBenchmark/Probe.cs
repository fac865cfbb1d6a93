using System.Diagnostics;
using ExecutiveDashboard.Contracts.Metrics;
using ExecutiveDashboard.Users.Ingest;
using ExecutiveDashboard.Users.Metrics;
using Npgsql;

/// <summary>Where the platform read's time goes: the fetch of every row alone, then fetch plus counting.</summary>
static class Probe
{
    public static async Task RunAsync(NpgsqlDataSource dataSource, DateTime end)
    {
        var asOf = end.AddHours(-1).AddMilliseconds(-17);
        var windows = UsersOverviewBuilder.Windows(ReportingPeriod.For(Timeframe.Month, asOf))
            .Select(w => (ActivitySpans.Ms(w.Start), ActivitySpans.Ms(w.End))).ToList();
        var rows = new List<(long, int, byte[], string)>();
        await using (var command = dataSource.CreateCommand("SELECT user_key, block, spans, workspace_id FROM user_activity_spans WHERE block BETWEEN 323 AND 324"))
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                rows.Add((reader.GetInt64(0), reader.GetInt32(1), reader.GetFieldValue<byte[]>(2), reader.GetString(3)));
            }
        }
        for (var round = 0; round < 5; round++)
        {
            var watch = Stopwatch.StartNew();
            var counter = new ActiveUsersCounter(windows, UsersOverviewBuilder.Current, UsersOverviewBuilder.Previous);
            var built = watch.Elapsed.TotalMilliseconds;
            foreach (var (key, block, spans, workspace) in rows)
            {
                counter.Add(key, workspace, block, spans);
            }
            var added = watch.Elapsed.TotalMilliseconds;
            counter.Result();
            Console.WriteLine($"probe 30d platform in memory: build {built:F1} ms, add {added - built:F1} ms, result {watch.Elapsed.TotalMilliseconds - added:F1} ms");
        }
        for (var round = 0; round < 5; round++)
        {
            var fetch = await TimeAsync(dataSource, null);
            var counter = new ActiveUsersCounter(windows, UsersOverviewBuilder.Current, UsersOverviewBuilder.Previous);
            var counted = await TimeAsync(dataSource, counter);
            Console.WriteLine($"probe 30d platform: fetch {fetch:F1} ms, fetch + count {counted:F1} ms, load {File.ReadAllText("/proc/loadavg").Trim()}");
        }
    }

    private static async Task<double> TimeAsync(NpgsqlDataSource dataSource, ActiveUsersCounter? counter)
    {
        var watch = Stopwatch.StartNew();
        await using (var command = dataSource.CreateCommand("SELECT user_key, block, spans, workspace_id FROM user_activity_spans WHERE block BETWEEN 323 AND 324"))
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                var (key, block, spans, workspace) = (reader.GetInt64(0), reader.GetInt32(1), reader.GetFieldValue<byte[]>(2), reader.GetString(3));
                counter?.Add(key, workspace, block, spans);
            }
        }
        counter?.Result();
        return watch.Elapsed.TotalMilliseconds;
    }
}
