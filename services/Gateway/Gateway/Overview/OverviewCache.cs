using System.Globalization;
using System.Text.Json;
using ExecutiveDashboard.Contracts.Dashboard;
using ExecutiveDashboard.Contracts.Metrics;
using ExecutiveDashboard.Platform.Queries;
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

    /// <summary>Bumps the versions of the workspaces and of the platform in one command (a script): a batch of a backfill
    /// names hundreds of workspaces, and a command each was as many round trips for Redis and as many traced spans.</summary>
    public Task InvalidateAsync(IEnumerable<string> workspaceIds) =>
        redis.GetDatabase().ScriptEvaluateAsync(BumpVersions,
            workspaceIds.Append(Scopes.Platform).Distinct(StringComparer.Ordinal).Select(scope => (RedisKey)VersionKey(scope)).ToArray());

    private const string BumpVersions = "for _, key in ipairs(KEYS) do redis.call('INCR', key) end return #KEYS";

    private static string VersionKey(string scope) => $"overview:version:{scope}";

    private static string EntryKey(OverviewRequest request, IReadOnlySet<string>? only, long version)
    {
        var services = only is null ? "" : ":" + string.Join('+', only.Order(StringComparer.Ordinal));
        return string.Create(CultureInfo.InvariantCulture,
            $"overview:{request.Scope}:{version}:{request.Timeframe.ToWire()}:{request.AsOf.Ticks}:{request.AllStart?.Ticks}{services}");
    }
}
