using ExecutiveDashboard.ServiceDefaults.Telemetry;

namespace ExecutiveDashboard.Platform.Resilience;

/// <summary>
/// Runs the loop of a background service so that no fault ends it, and with it the process (the host's
/// <c>BackgroundServiceExceptionBehavior.StopHost</c>): a broker that times out a declaration, a database that is
/// paused or restarting, Redis gone. Any exception of an attempt, a <see cref="TaskCanceledException"/> included, is a
/// failure, unless the host is stopping: the loop reports it (<see cref="LoopHealth"/>), waits out its
/// <see cref="Backoff"/> and tries again, for as long as it takes; its first success makes it Healthy again.
/// </summary>
/// <param name="applicationStopping">The host's <c>ApplicationStopping</c>: it is cancelled before the services' own
/// stopping tokens, and what it cancels is the stop, not a failure.</param>
public sealed class BackgroundLoop(LoopHealth health, TimeProvider clock, CancellationToken applicationStopping)
{
    public Backoff Backoff { get; init; } = Backoff.Default;

    /// <summary>
    /// Until <paramref name="stoppingToken"/> is cancelled: <paramref name="work"/>, then, after a success,
    /// <paramref name="rest"/> (waiting for more work: a timer's tick, a nudge), or, after a failure, the backoff.
    /// Returns when the host stops.
    /// </summary>
    /// <param name="name">The loop's name in the health report and the logs.</param>
    public async Task RunAsync(string name, Func<CancellationToken, Task> work, Func<CancellationToken, Task> rest, CancellationToken stoppingToken)
    {
        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, applicationStopping);
        stoppingToken = stopping.Token;
        var failures = 0;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    using var round = LoopRounds.Start(name);
                    await work(stoppingToken);
                }
                catch (Exception e) when (!stoppingToken.IsCancellationRequested)
                {
                    var delay = Backoff.Delay(++failures, Random.Shared.NextDouble());
                    health.Failed(name, e, delay);
                    await Task.Delay(delay, clock, stoppingToken);
                    continue;
                }
                failures = 0;
                health.Succeeded(name);
                await rest(stoppingToken);
            }
        }
        catch (Exception) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: whatever the last attempt or wait threw on its way out is no failure.
        }
    }
}
