using ExecutiveDashboard.Contracts.Dashboard;
using ExecutiveDashboard.Exports.Overview;

namespace ExecutiveDashboard.Exports.IntegrationTests;

/// <summary>The dashboard as a test sets it, in place of the gateway's overview and the users service's layout: every
/// overview read answers <see cref="Overview"/> (or throws <see cref="Failure"/>), every layout read <see cref="CardOrder"/>.
/// Set before the requests that read them.</summary>
public sealed class FixedDashboardSource : IDashboardSource
{
    public ExecutiveDashboardData? Overview { get; set; }

    /// <summary>Answers given once each, in order, before <see cref="Overview"/>: an overview that changes between reads.</summary>
    public System.Collections.Concurrent.ConcurrentQueue<ExecutiveDashboardData> First { get; } = new();

    /// <summary>How many overview reads the service made.</summary>
    public int Reads => _reads;

    private int _reads;

    /// <summary>The caller's saved layout; null: they saved none.</summary>
    public IReadOnlyList<string>? CardOrder { get; set; }

    /// <summary>What an overview read throws instead of answering, e.g. <c>new DashboardSourceException(503, …)</c>.</summary>
    public Exception? Failure { get; set; }

    /// <summary>The Authorization header of every overview read, in order.</summary>
    public System.Collections.Concurrent.ConcurrentQueue<string> Authorizations { get; } = new();

    /// <summary>What every alerts read answers; null: the read fails as the gateway's would with a 503.</summary>
    public IReadOnlyList<AlertItem>? Alerts { get; set; } = [];

    public Task<ExecutiveDashboardData> ReadOverviewAsync(string scope, string timeframe, DateTime asOf, string authorization,
        CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _reads);
        Authorizations.Enqueue(authorization);
        return Failure is not null ? Task.FromException<ExecutiveDashboardData>(Failure)
            : First.TryDequeue(out var first) ? Task.FromResult(first)
            : Overview is { } overview ? Task.FromResult(overview)
            : throw new InvalidOperationException($"The test set no {nameof(Overview)} for the export to read.");
    }

    public Task<IReadOnlyList<string>?> ReadCardOrderAsync(string authorization, CancellationToken cancellationToken) =>
        Task.FromResult(CardOrder);

    public Task<IReadOnlyList<AlertItem>> ReadAlertsAsync(string scope, DateTime asOf, string authorization, CancellationToken cancellationToken) =>
        Alerts is { } alerts ? Task.FromResult(alerts)
            : Task.FromException<IReadOnlyList<AlertItem>>(new DashboardSourceException(503, "The alerts service did not answer."));
}
