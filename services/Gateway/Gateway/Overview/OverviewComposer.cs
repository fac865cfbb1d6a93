using ExecutiveDashboard.Contracts.Dashboard;
using ExecutiveDashboard.Contracts.Metrics;
using ExecutiveDashboard.ServiceDefaults.Queries;
using Microsoft.Extensions.Options;

namespace ExecutiveDashboard.Gateway.Overview;

public sealed class OverviewOptions
{
    /// <summary>How long the overview waits for one service before it degrades that service's sections.</summary>
    public TimeSpan ServiceTimeout { get; set; } = TimeSpan.FromSeconds(3);
}

/// <summary>
/// Fans out to the services in parallel, each with its own timeout, and maps their answers into
/// <see cref="ExecutiveDashboardData"/>. A service that fails or is slow empties its own sections and
/// names them in <c>meta.degraded</c>; the rest of the dashboard still answers.
/// </summary>
public sealed partial class OverviewComposer(
    ExecutionsClient executions, IOptions<OverviewOptions> options, TimeProvider clock, ILogger<OverviewComposer> logger)
{
    /// <summary>Sections of services that do not exist yet: always degraded, always present.</summary>
    private static readonly string[] NotYetServed =
    [
        Sections.UserMetrics, Sections.BusinessMetrics, Sections.MrrMovements, Sections.ActiveAlerts,
        Sections.UsersTrend, Sections.RevenueTrend,
    ];

    private static readonly string[] ExecutionSections =
    [
        Sections.ExecutionMetrics, Sections.AgentMetrics, Sections.TopUsers, Sections.ExecutionTrend, Sections.ErrorsTrend,
    ];

    public async Task<ExecutiveDashboardData> ComposeAsync(OverviewRequest request, string? authorization, CancellationToken cancellationToken)
    {
        var executionsAnswer = await CallAsync("executions", ct => executions.GetOverviewAsync(request, authorization, ct), cancellationToken);

        var degraded = new List<string>(NotYetServed);
        if (executionsAnswer is null)
        {
            degraded.AddRange(ExecutionSections);
        }

        var period = ReportingPeriod.For(request.Timeframe, request.AsOf, executionsAnswer?.Period.Start);
        return new ExecutiveDashboardData(
            request.Timeframe.ToWire(),
            new PeriodRange(period.Current.Start, period.Current.End),
            UserMetrics.Empty,
            executionsAnswer?.ExecutionMetrics ?? ExecutionMetrics.Empty,
            BusinessMetrics.Empty,
            executionsAnswer?.AgentMetrics ?? AgentMetrics.Empty,
            new Trends(executionsAnswer?.ExecutionTrend ?? [], Users: [], Revenue: [], executionsAnswer?.ErrorTrend ?? []),
            ActiveAlerts: [],
            executionsAnswer?.TopUsers ?? [],
            MrrMovements.Empty,
            new DashboardMeta(clock.GetUtcNow().UtcDateTime, request.AsOf, Cached: false,
                degraded.Order(StringComparer.Ordinal).ToList(), MetricCatalog.All));
    }

    private async Task<T?> CallAsync<T>(string service, Func<CancellationToken, Task<T?>> call, CancellationToken cancellationToken)
        where T : class
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Value.ServiceTimeout);
        try
        {
            return await call(timeout.Token);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            LogDegraded(service, e.Message);
            return null;
        }
    }

    [LoggerMessage(LogLevel.Warning, "The {Service} service did not answer the overview; its sections are degraded: {Reason}")]
    private partial void LogDegraded(string service, string reason);
}
