using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;

namespace ExecutiveDashboard.Platform.Resilience;

/// <param name="UnhealthyAfter">How long a loop may keep failing and be called Degraded (<c>BackgroundLoops:UnhealthyAfter</c>):
/// a blip of the broker or the database is not worth taking a replica out of the load balancer, an outage is.</param>
public sealed record LoopHealthOptions(TimeSpan UnhealthyAfter)
{
    public static readonly TimeSpan DefaultUnhealthyAfter = TimeSpan.FromSeconds(30);

    public const string Section = "BackgroundLoops";
}

/// <summary>
/// How each background loop of the process fares (<see cref="BackgroundLoop"/>, and the message consumers through
/// <c>ConsumerHealthFilter</c>): Healthy while its last attempt succeeded, Degraded from a failure on, Unhealthy once it has
/// been failing for <see cref="LoopHealthOptions.UnhealthyAfter"/>, Healthy again at its next success. As a health check
/// (<see cref="Name"/>) the worst loop decides. It belongs to readiness (<c>/health</c>) only, never to liveness
/// (<c>/alive</c>): a failing loop waits for its dependency and recovers by itself, so restarting the process would only
/// lose what it holds in memory.
/// </summary>
public sealed partial class LoopHealth(TimeProvider clock, LoopHealthOptions options, ILogger<LoopHealth> logger) : IHealthCheck
{
    public const string Name = "background-loops";

    private readonly ConcurrentDictionary<string, LoopState> _loops = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    /// <summary>An attempt of <paramref name="loop"/> succeeded: it is Healthy again. Called for every message a consumer
    /// takes, so the usual case (healthy already) takes no lock.</summary>
    public void Succeeded(string loop)
    {
        if (_loops.TryGetValue(loop, out var known) && known.FailingSince is null)
        {
            return;
        }
        LoopState? before;
        lock (_gate)
        {
            before = _loops.GetValueOrDefault(loop);
            _loops[loop] = LoopState.Healthy;
        }
        if (before is { FailingSince: { } since })
        {
            LogRecovered(loop, before.Failures, (clock.GetUtcNow() - since).TotalSeconds);
        }
    }

    /// <summary>An attempt of <paramref name="loop"/> failed; <paramref name="retryIn"/>: when it tries again, if it knows.</summary>
    public void Failed(string loop, Exception error, TimeSpan? retryIn = null)
    {
        var now = clock.GetUtcNow();
        LoopState state;
        lock (_gate)
        {
            var known = _loops.GetValueOrDefault(loop) ?? LoopState.Healthy;
            _loops[loop] = state = new LoopState(known.FailingSince ?? now, known.Failures + 1, Describe(error));
        }
        var retry = retryIn is { } wait ? wait.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture) + " s" : "its next message";
        if (state.Failures == 1)
        {
            LogFirstFailure(loop, retry, error);
        }
        else
        {
            LogStillFailing(loop, state.Failures, (now - state.FailingSince!.Value).TotalSeconds, retry, state.LastError!);
        }
    }

    /// <summary>The status of one loop now (Healthy for a loop that never reported).</summary>
    public HealthStatus StatusOf(string loop) => StatusOf(_loops.GetValueOrDefault(loop) ?? LoopState.Healthy, clock.GetUtcNow());

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var loops = _loops.ToArray().OrderBy(l => l.Key, StringComparer.Ordinal)
            .Select(l => (Name: l.Key, State: l.Value, Status: StatusOf(l.Value, now))).ToList();
        var failing = loops.Where(l => l.Status != HealthStatus.Healthy).ToList();
        var data = loops.ToDictionary(l => l.Name, l => (object)l.Status.ToString());
        if (failing.Count == 0)
        {
            return Task.FromResult(HealthCheckResult.Healthy($"{loops.Count} loops running", data));
        }
        var description = string.Join("; ", failing.Select(l => string.Create(CultureInfo.InvariantCulture,
            $"{l.Name} failing for {(now - l.State.FailingSince!.Value).TotalSeconds:0} s ({l.State.Failures} attempts): {l.State.LastError}")));
        return Task.FromResult(new HealthCheckResult(failing.Min(l => l.Status), description, data: data));
    }

    private HealthStatus StatusOf(LoopState state, DateTimeOffset now) => state.FailingSince switch
    {
        null => HealthStatus.Healthy,
        { } since when now - since < options.UnhealthyAfter => HealthStatus.Degraded,
        _ => HealthStatus.Unhealthy,
    };

    private static string Describe(Exception error) => $"{error.GetType().Name}: {error.Message}";

    /// <param name="FailingSince">The first failure since the last success (null: the last attempt succeeded).</param>
    private sealed record LoopState(DateTimeOffset? FailingSince, int Failures, string? LastError)
    {
        public static readonly LoopState Healthy = new(null, 0, null);
    }

    [LoggerMessage(LogLevel.Warning, "{Loop} failed; it tries again in {Retry} and reports itself Degraded meanwhile")]
    private partial void LogFirstFailure(string loop, string retry, Exception exception);

    [LoggerMessage(LogLevel.Warning, "{Loop} failed again ({Failures} attempts over {Seconds:0} s); it tries again in {Retry}: {Error}")]
    private partial void LogStillFailing(string loop, int failures, double seconds, string retry, string error);

    [LoggerMessage(LogLevel.Information, "{Loop} recovered after {Failures} failed attempts over {Seconds:0.#} s")]
    private partial void LogRecovered(string loop, int failures, double seconds);
}
