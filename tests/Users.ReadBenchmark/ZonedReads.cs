using System.Diagnostics;
using ExecutiveDashboard.Contracts.Metrics;
using ExecutiveDashboard.Platform.Queries;
using ExecutiveDashboard.Users.Reads;

namespace ExecutiveDashboard.Users.ReadBenchmark;

/// <summary>The same reads without and with a reader's zone, alternating sample by sample so that both see the same load:
/// the local read's cost against the UTC read's.</summary>
static class ZonedReads
{
    public static async Task RunAsync(UsersOverviewQuery query, DateTime end, int samples, ReaderCalendar reader)
    {
        Console.WriteLine($"load average before: {File.ReadAllText("/proc/loadavg").Trim()}");
        Console.WriteLine($"zone {reader.Zone!.Id}; {samples} samples each, alternating");
        Console.WriteLine("scope     timeframe  utc p50  utc p95  tz p50  tz p95  ratio p50  ratio p95");
        foreach (var scope in new[] { "all", "bw_00001" })
        {
            foreach (var timeframe in new[] { Timeframe.Week, Timeframe.Month, Timeframe.Quarter, Timeframe.All })
            {
                OverviewRequest Request(int i, ReaderCalendar? calendar) =>
                    new(scope, timeframe, end.AddHours(-1).AddMilliseconds(-17 - i), Calendar: calendar);
                await query.GetAsync(Request(0, null), default);
                await query.GetAsync(Request(0, reader), default);
                var (utc, local) = (new double[samples], new double[samples]);
                for (var i = 0; i < samples; i++)
                {
                    utc[i] = await TimeAsync(query, Request(i + 1, null));
                    local[i] = await TimeAsync(query, Request(i + 1, reader));
                }
                Console.WriteLine($"{scope,-9} {timeframe.ToWire(),-9} {P(utc, 50),8:F1} {P(utc, 95),8:F1} {P(local, 50),7:F1} {P(local, 95),7:F1} {P(local, 50) / P(utc, 50),10:F2} {P(local, 95) / P(utc, 95),10:F2}");
            }
        }
        Console.WriteLine($"load average after: {File.ReadAllText("/proc/loadavg").Trim()}");
    }

    private static async Task<double> TimeAsync(UsersOverviewQuery query, OverviewRequest request)
    {
        var watch = Stopwatch.StartNew();
        await query.GetAsync(request, default);
        return watch.Elapsed.TotalMilliseconds;
    }

    private static double P(double[] values, int percentile)
    {
        var sorted = values.Order().ToArray();
        return sorted[Math.Clamp((int)Math.Ceiling(percentile / 100.0 * sorted.Length) - 1, 0, sorted.Length - 1)];
    }
}
