using System.Globalization;
using System.Text.Json;
using ExecutiveDashboard.Contracts.Dashboard;
using ExecutiveDashboard.Contracts.Metrics;
using ExecutiveDashboard.ServiceDefaults.Queries;
using StackExchange.Redis;

namespace ExecutiveDashboard.Gateway.Overview;

/// <summary>
/// Composed overviews in Redis, per (scope, timeframe, asOf, start, services asked). Each scope has a version number;
/// <c>MetricsChanged</c> of a workspace bumps its version and the platform's, which makes every cached
/// answer of those scopes unreachable at once (no key scans), and a read after the event never sees
/// stale numbers. Old entries expire on their own.
/// </summary>
public sealed class OverviewCache(IConnectionMultiplexer redis)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    public async Task<(ExecutiveDashboardData? Hit, long Version)> GetAsync(OverviewRequest request, IReadOnlySet<string>? only)
    {
        var db = redis.GetDatabase();
        var version = (long?)await db.StringGetAsync(VersionKey(request.Scope)) ?? 0;
        var cached = await db.StringGetAsync(EntryKey(request, only, version));
        return (cached.IsNullOrEmpty ? null : JsonSerializer.Deserialize<ExecutiveDashboardData>((string)cached!, JsonSerializerOptions.Web), version);
    }

    public Task SetAsync(OverviewRequest request, IReadOnlySet<string>? only, long version, ExecutiveDashboardData data) =>
        redis.GetDatabase().StringSetAsync(EntryKey(request, only, version), JsonSerializer.Serialize(data, JsonSerializerOptions.Web), Lifetime);

    public Task InvalidateAsync(IEnumerable<string> workspaceIds)
    {
        var batch = redis.GetDatabase().CreateBatch();
        var bumps = workspaceIds.Append(Scopes.Platform).Distinct().Select(scope => batch.StringIncrementAsync(VersionKey(scope))).ToArray();
        batch.Execute();
        return Task.WhenAll(bumps);
    }

    private static string VersionKey(string scope) => $"overview:version:{scope}";

    private static string EntryKey(OverviewRequest request, IReadOnlySet<string>? only, long version)
    {
        var services = only is null ? "" : ":" + string.Join('+', only.Order(StringComparer.Ordinal));
        return string.Create(CultureInfo.InvariantCulture,
            $"overview:{request.Scope}:{version}:{request.Timeframe.ToWire()}:{request.AsOf.Ticks}:{request.AllStart?.Ticks}{services}");
    }
}
