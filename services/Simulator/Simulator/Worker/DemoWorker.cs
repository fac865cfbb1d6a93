using System.Diagnostics;
using ExecutiveDashboard.Simulator.Backfill;
using ExecutiveDashboard.Simulator.Generation;
using ExecutiveDashboard.Simulator.Generation.Events;
using ExecutiveDashboard.Simulator.Ingest;
using ExecutiveDashboard.Simulator.Live;
using Microsoft.Extensions.Options;

namespace ExecutiveDashboard.Simulator.Worker;

/// <summary>
/// The simulator in the app model: on start, the backfill (unless the platform already holds it), with its
/// progress in the logs; then the live trickle until the app stops. A failure (the gateway gone, a batch
/// refused) is logged and the whole thing starts again after a pause, rather than ending the demo: sending
/// again is idempotent.
/// </summary>
public sealed class DemoWorker(
    IngestClient ingest, GatewayTokens tokens, BackfillCheck check, LiveTrickle live, SimulationOptions dataset,
    IOptions<SimulatorOptions> options, TimeProvider clock, ILogger<DemoWorker> logger) : BackgroundService
{
    public static readonly ActivitySource Activity = new("ExecutiveDashboard.Simulator");

    private static readonly TimeSpan RetryPause = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        var end = DateTime.SpecifyKind(settings.End ?? clock.GetUtcNow().UtcDateTime, DateTimeKind.Utc);
        var simulation = new PlatformSimulation(dataset with { End = end });
        logger.LogInformation(
            "demo platform (seed {Seed}): {Workspaces:N0} workspaces, {Users:N0} users, {Runs:N0} runs over {Days} days until {End:O}",
            dataset.Seed, dataset.Workspaces, dataset.Users, simulation.RunCount, dataset.Days, simulation.End);

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RunAsync(simulation, settings, stoppingToken);
                return;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                logger.LogInformation("simulator stopped");
                return;
            }
            catch (Exception e)
            {
                logger.LogError(e, "simulator: {Error}; starting again in {Pause}", e.Message, RetryPause);
                try
                {
                    await Task.Delay(RetryPause, clock, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    private async Task RunAsync(PlatformSimulation simulation, SimulatorOptions settings, CancellationToken stoppingToken)
    {
        if (!await check.IsDoneAsync(await tokens.ReaderTokenAsync(stoppingToken), simulation.RunCount, stoppingToken))
        {
            await BackfillAsync(simulation, settings, stoppingToken);
        }
        if (settings.Live.Enabled)
        {
            await live.RunAsync(simulation, settings.Live, stoppingToken);
        }
    }

    private async Task BackfillAsync(PlatformSimulation simulation, SimulatorOptions settings, CancellationToken stoppingToken)
    {
        using var span = Activity.StartActivity("backfill");
        var progress = new BackfillProgress(simulation.CountOf);
        logger.LogInformation("backfill: {Total:N0} events ({Streams}), batches of {Batch:N0}, {Parallel} in flight per stream",
            progress.Total, string.Join(", ", progress.Streams.Select(s => $"{PlatformEvent.ServiceOf(s.Stream)} {s.Total:N0}")),
            settings.BatchSize, settings.Parallel);
        // One line per stream at every tenth of the way, for the ops team watching the Aspire dashboard.
        progress.BatchDone += (before, after) =>
        {
            if ((int)(before.Fraction * 10) != (int)(after.Fraction * 10) || after.IsDone)
            {
                logger.LogInformation("backfill: {Stream} {Percent:P0} ({Sent:N0}/{Total:N0} events)",
                    PlatformEvent.ServiceOf(after.Stream), after.Fraction, after.Sent, after.Total);
            }
        };

        var watch = Stopwatch.StartNew();
        await new BackfillSender(ingest, settings.Parallel, settings.BatchSize).RunAsync(simulation, progress, stoppingToken);
        logger.LogInformation(
            "backfill: done in {Seconds:F1} s: {Total:N0} events ({Rate:N0}/s), {Accepted:N0} new, {Duplicates:N0} already stored",
            watch.Elapsed.TotalSeconds, progress.Sent, progress.Sent / Math.Max(0.001, watch.Elapsed.TotalSeconds), progress.Accepted, progress.Duplicates);

        // Once the events are all stored, so that a restart which finds the backfill complete (and skips it) does not post
        // them a second time: annotations carry no id the service could count once.
        var notes = simulation.Annotations();
        foreach (var note in notes)
        {
            await ingest.PostAsync(note, stoppingToken);
        }
        logger.LogInformation("backfill: {Count} annotations of the story posted", notes.Count);
    }
}
