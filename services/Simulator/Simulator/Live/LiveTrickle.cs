using ExecutiveDashboard.Simulator.Generation;
using ExecutiveDashboard.Simulator.Generation.Events;
using ExecutiveDashboard.Simulator.Generation.Live;
using ExecutiveDashboard.Simulator.Ingest;
using ExecutiveDashboard.Simulator.Worker;

namespace ExecutiveDashboard.Simulator.Live;

/// <summary>
/// Keeps the page moving after the backfill: every tick, the events of the platform since the previous tick
/// (timestamps up to now), one batch per stream. It starts at the backfill's end, so the first tick also fills
/// the minute the backfill took. A tick that fails is logged and dropped: the demo goes on.
/// </summary>
public sealed class LiveTrickle(IngestClient client, LiveOptions traffic, TimeProvider clock, ILogger<LiveTrickle> logger)
{
    private static readonly TimeSpan ReportEvery = TimeSpan.FromMinutes(1);

    public async Task RunAsync(PlatformSimulation simulation, LiveSettings settings, CancellationToken cancellationToken)
    {
        var live = new LiveTraffic(simulation, traffic);
        logger.LogInformation("live: about {Runs} runs a second over {Workspaces} workspaces in use, every {Interval}",
            traffic.RunsPerSecond, live.ActiveWorkspaces, settings.Interval);

        var from = simulation.End;
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var reportedAt = clock.GetUtcNow();
        using var timer = new PeriodicTimer(settings.Interval, clock);
        while (await timer.WaitForNextTickAsync(cancellationToken))
        {
            var to = clock.GetUtcNow().UtcDateTime;
            var events = live.Between(from, to);
            from = to;
            try
            {
                await Task.WhenAll(events.GroupBy(e => e.Stream).Select(g => client.PostAsync(g.Key, g.ToList(), cancellationToken)));
                foreach (var e in events)
                {
                    var kind = e is RunCompleted { Succeeded: false } ? "failed runs" : e.Type;
                    counts[kind] = counts.GetValueOrDefault(kind) + 1;
                }
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                logger.LogWarning(e, "live: a tick of {Count} events was not stored", events.Count);
            }
            if (clock.GetUtcNow() - reportedAt >= ReportEvery)
            {
                logger.LogInformation("live: in the last minute {Counts}",
                    counts.Count == 0 ? "nothing" : string.Join(", ", counts.OrderBy(c => c.Key).Select(c => $"{c.Value} {c.Key}")));
                counts.Clear();
                reportedAt = clock.GetUtcNow();
            }
        }
    }
}
