using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ExecutiveDashboard.Platform.WarmUp;

/// <summary>
/// Readiness (<c>/health</c>) until the warm-up has run (<see cref="WarmUpRunner"/>): Unhealthy, which answers 503 (Degraded
/// would answer 200 and let the WaitFor through), then Healthy for good. A warm-up that failed or ran out of time still
/// ends it: warming is an optimisation, and a dependency that is down is the other checks' to report.
/// </summary>
public sealed class WarmUpHealth : IHealthCheck
{
    public const string Name = "warm-up";

    /// <summary>The Healthy report's description; null while warming up.</summary>
    private volatile string? _warm;

    public bool IsWarm => _warm is not null;

    /// <param name="failures">What failed or timed out, one line each (empty: every warm-up ran).</param>
    public void Finished(IReadOnlyList<string> failures) =>
        _warm = failures.Count == 0 ? "warm" : $"warm, except: {string.Join("; ", failures)}";

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(_warm is { } warm ? HealthCheckResult.Healthy(warm) : HealthCheckResult.Unhealthy("warming up"));
}
