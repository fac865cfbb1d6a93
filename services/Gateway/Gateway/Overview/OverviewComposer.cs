using System.Globalization;
using ExecutiveDashboard.Contracts.Dashboard;
using ExecutiveDashboard.Contracts.Metrics;
using ExecutiveDashboard.Contracts.Services;
using ExecutiveDashboard.Gateway.Model;
using ExecutiveDashboard.Platform.Queries;
using Microsoft.Extensions.Options;
using static ExecutiveDashboard.Gateway.Overview.DashboardServices;

namespace ExecutiveDashboard.Gateway.Overview;

/// <summary>
/// Fans out to the services in parallel, each call with its own timeout, and maps their answers into
/// <see cref="ExecutiveDashboardData"/>. A service that is not deployed, fails or is too slow empties
/// its own sections and names them in <c>meta.degraded</c>; the rest of the dashboard still answers.
/// Sections that answered without some accepted events (a backfill ahead of the rollups) are named in
/// <c>meta.catchingUp</c>.
/// </summary>
public sealed partial class OverviewComposer(
    DashboardServices services, IOptions<OverviewOptions> options, TimeProvider clock, ILogger<OverviewComposer> logger)
{
    /// <summary>The sections each service feeds (<see cref="BackendService.Feeds"/>), by its name.</summary>
    public static readonly IReadOnlyDictionary<string, IReadOnlyList<string>> SectionsOf =
        ServiceCatalog.All.ToDictionary(s => s.Name, s => s.Feeds, StringComparer.Ordinal);

    /// <summary>The services that feed any of <paramref name="sections"/>; null names a section no service feeds.</summary>
    public static IReadOnlySet<string>? ServicesFeeding(IEnumerable<string> sections)
    {
        var services = new HashSet<string>(StringComparer.Ordinal);
        foreach (var section in sections)
        {
            var feeding = All.Where(s => SectionsOf[s].Contains(section, StringComparer.Ordinal)).ToList();
            if (feeding.Count == 0)
            {
                return null;
            }
            services.UnionWith(feeding);
        }
        return services;
    }

    /// <param name="only">The services to ask (a partial answer, <c>meta.sections</c> naming what it holds); null for all.</param>
    public async Task<ComposedOverview> ComposeAsync(OverviewRequest request, IReadOnlySet<string>? only, string? authorization,
        CancellationToken cancellationToken)
    {
        var asked = only is null ? All : All.Where(only.Contains).ToArray();
        var failed = new List<string>();
        if (request.Timeframe == Timeframe.All)
        {
            request = request with { AllStart = await EarliestEventAsync(request, authorization, failed, cancellationToken) };
        }

        var query = Query(request);
        Task<T?> Ask<T>(string service, string path) where T : class => asked.Contains(service)
            ? CallAsync(service, failed, ct => services.GetAsync<T>(service, path + query, authorization, ct), cancellationToken)
            : Task.FromResult<T?>(null);
        var executions = Ask<ExecutionsOverview>(Executions, "/api/executions/overview");
        var users = Ask<UsersOverview>(Users, "/api/users/overview");
        var billing = Ask<BillingOverview>(Billing, "/api/billing/overview");
        // The active alerts, the annotations and the goals in one call, so that the last two add no round-trip to the overview.
        var alerts = Ask<AlertsOverview>(Alerts, "/api/alerts/overview");
        await Task.WhenAll(executions, users, billing, alerts);

        var topUsers = await NamedAsync(executions.Result?.TopUsers ?? [], authorization, cancellationToken);
        var period = request.Period(request.AllStart);

        var notDeployed = asked.Where(s => !services.IsDeployed(s)).SelectMany(s => SectionsOf[s]);
        var unavailable = failed.Distinct().SelectMany(s => SectionsOf[s]);
        var degraded = notDeployed.Concat(unavailable).Distinct().Order(StringComparer.Ordinal).ToList();
        IReadOnlyList<string> catchingUp = executions.Result?.CatchingUp == true ? SectionsOf[Executions].Order(StringComparer.Ordinal).ToList() : [];

        var business = billing.Result?.BusinessMetrics ?? BusinessMetrics.Empty;
        var data = new ExecutiveDashboardData(
            request.Timeframe.ToWire(),
            new PeriodRange(period.Current.Start, period.Current.End),
            users.Result?.UserMetrics ?? UserMetrics.Empty,
            executions.Result?.ExecutionMetrics ?? ExecutionMetrics.Empty,
            business with { ActiveWorkspaces = users.Result?.ActiveWorkspaces },
            executions.Result?.AgentMetrics ?? AgentMetrics.Empty,
            new Trends(
                executions.Result?.ExecutionTrend ?? [],
                users.Result?.UsersTrend ?? [],
                billing.Result?.RevenueTrend ?? [],
                executions.Result?.ErrorTrend ?? []),
            alerts.Result?.ActiveAlerts ?? [],
            topUsers,
            billing.Result?.MrrMovements ?? MrrMovements.Empty,
            new DashboardMeta(clock.GetUtcNow().UtcDateTime, request.AsOf, Cached: false, degraded, catchingUp, MetricCatalog.All,
                only is null ? null : asked.SelectMany(s => SectionsOf[s]).Order(StringComparer.Ordinal).ToList()))
        {
            Annotations = alerts.Result?.Annotations ?? [],
            Goals = alerts.Result?.Goals ?? [],
        };

        // Only a full answer is worth caching: a service that comes back, or a backfill folded, must show at once.
        return new ComposedOverview(data, Complete: failed.Count == 0 && catchingUp.Count == 0);
    }

    /// <summary><c>all</c> starts at the earliest event over every service, so that every section shares one period.</summary>
    private async Task<DateTime?> EarliestEventAsync(OverviewRequest request, string? authorization, List<string> failed, CancellationToken cancellationToken)
    {
        var query = $"?workspace_id={Uri.EscapeDataString(request.Scope)}";
        var answers = await Task.WhenAll(new[] { Executions, Users, Billing }.Select(service =>
            CallAsync(service, failed, ct => services.GetAsync<EarliestEvent>(service, $"/api/{service}/earliest{query}", authorization, ct), cancellationToken)));
        return answers.Select(a => a?.Earliest).Where(e => e is not null).DefaultIfEmpty(null).Min();
    }

    private async Task<IReadOnlyList<TopUser>> NamedAsync(IReadOnlyList<TopUser> topUsers, string? authorization, CancellationToken cancellationToken)
    {
        if (topUsers.Count == 0)
        {
            return topUsers;
        }
        var noFailures = new List<string>();
        var names = await CallAsync(Users, noFailures, ct => services.PostAsync<List<UserName>>(Users, "/api/users/names",
            topUsers.Select(u => new UserRef(u.WorkspaceId, u.Id)).ToList(), authorization, ct), cancellationToken);
        var byKey = (names ?? []).ToDictionary(n => (n.WorkspaceId, n.UserId), n => n.Name);
        return topUsers.Select(u => u with { Name = byKey.GetValueOrDefault((u.WorkspaceId, u.Id)) }).ToList();
    }

    private static string Query(OverviewRequest request) =>
        $"?workspace_id={Uri.EscapeDataString(request.Scope)}&timeframe={request.Timeframe.ToWire()}&asOf={Iso(request.AsOf)}"
        + (request.AllStart is { } start ? $"&{OverviewQueryString.StartParameter}={Iso(start)}" : "")
        + request.Reader.ToQuery();

    private static string Iso(DateTime t) => t.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

    private async Task<T?> CallAsync<T>(string service, List<string> failed, Func<CancellationToken, Task<T?>> call, CancellationToken cancellationToken)
        where T : class
    {
        if (!services.IsDeployed(service))
        {
            return null;
        }
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Value.ServiceTimeout);
        try
        {
            return await call(timeout.Token);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            LogDegraded(service, e.Message);
            lock (failed)
            {
                failed.Add(service);
            }
            return null;
        }
    }

    [LoggerMessage(LogLevel.Warning, "The {Service} service did not answer the overview; its sections are degraded: {Reason}")]
    private partial void LogDegraded(string service, string reason);
}
