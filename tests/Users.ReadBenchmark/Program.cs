using System.Diagnostics;
using ExecutiveDashboard.Contracts.Metrics;
using ExecutiveDashboard.Platform.Queries;
using ExecutiveDashboard.Users.Reads;
using ExecutiveDashboard.Users.ReadBenchmark;
using Npgsql;

// Times the users overview query (the service's own class, no HTTP) on a database seeded with seed.sql.
// Prints figures; asserts nothing.
//   dotnet run -c Release --project tests/Users.ReadBenchmark -- "Host=127.0.0.1;Port=55439;Username=postgres;Database=usersbench" [end] [samples]
//   [--tz ZONE]: each read also in the reader's zone (local trend buckets), sample by sample with the UTC read, and the ratio
var connectionString = args.Length > 0 ? args[0] : "Host=127.0.0.1;Port=55439;Username=postgres;Database=usersbench";
var end = DateTime.SpecifyKind(DateTime.Parse(args.Length > 1 ? args[1] : "2026-11-30"), DateTimeKind.Utc);
var samples = args.Length > 2 ? int.Parse(args[2]) : 20;

await using var dataSource = NpgsqlDataSource.Create(connectionString);
var cache = new ActivitySpansCache(dataSource);
var spans = new UsersOverviewQuery(dataSource, cache);

if (args.Contains("--probe")) { await Probe.RunAsync(dataSource, end); return; }
var tz = Array.IndexOf(args, "--tz") is var at and >= 0 ? ReaderCalendar.ZoneOrNull(args[at + 1]) : null;
if (tz is not null)
{
    await ZonedReads.RunAsync(spans, end, samples, new ReaderCalendar(tz, WeekStarts.Default));
    return;
}
Console.WriteLine($"load average before: {File.ReadAllText("/proc/loadavg").Trim()}");
Console.WriteLine("scope     timeframe  p50 ms  p95 ms");
foreach (var scope in new[] { "all", "bw_00001" })
{
    foreach (var timeframe in new[] { Timeframe.Day, Timeframe.Week, Timeframe.Month, Timeframe.Quarter, Timeframe.All })
    {
        // Each sample asks a distinct, unaligned asOf (1 ms apart), as a cache miss would.
        OverviewRequest Request(int i) => new(scope, timeframe, end.AddHours(-1).AddMilliseconds(-17 - i));
        await spans.GetAsync(Request(0), default); // warm-up
        var timings = await TimeAsync(spans, samples, Request);
        Console.WriteLine($"{scope,-9} {timeframe.ToWire(),-9} {P(timings, 50),7:F1} {P(timings, 95),7:F1}");
    }
}
Console.WriteLine($"load average after: {File.ReadAllText("/proc/loadavg").Trim()}");

static async Task<double[]> TimeAsync(UsersOverviewQuery query, int n, Func<int, OverviewRequest> request)
{
    var timings = new double[n];
    for (var i = 0; i < n; i++)
    {
        var watch = Stopwatch.StartNew();
        await query.GetAsync(request(i + 1), default);
        timings[i] = watch.Elapsed.TotalMilliseconds;
    }
    return timings;
}

static double P(double[] values, int percentile)
{
    var sorted = values.Order().ToArray();
    return sorted[Math.Clamp((int)Math.Ceiling(percentile / 100.0 * sorted.Length) - 1, 0, sorted.Length - 1)];
}
