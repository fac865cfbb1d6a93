using System.Globalization;
using System.Text.Json;
using ExecutiveDashboard.Contracts.Dashboard;
using ExecutiveDashboard.Contracts.IntegrationEvents;
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

    /// <summary>Bumps the versions of the batch's workspaces and of the platform, once per batch: the gateway gets each batch
    /// twice, on the shared queue (kept while no replica runs, so no change is missed) and on each replica's live queue (which
    /// must drop the cache before its frames go out), and whichever comes first bumps. One command (a script) that first claims
    /// the batch: a batch of a backfill names hundreds of workspaces, and a command each was as many round trips for Redis
    /// and as many traced spans.</summary>
    /// <param name="batchId">The message's id, the same on every queue; a batch without one is bumped by each consumer.</param>
    public Task InvalidateAsync(Guid? batchId, MetricsChangedBatch batch) =>
        redis.GetDatabase().ScriptEvaluateAsync(BumpVersionsOnce,
            [BatchKey(batchId ?? Guid.NewGuid()), .. batch.Changes.Select(c => c.WorkspaceId).Append(Scopes.Platform)
                .Distinct(StringComparer.Ordinal).Select(scope => (RedisKey)VersionKey(scope))],
            [(long)Lifetime.TotalSeconds]);

    /// <summary>The claim lasts as long as an entry: a consumer later still (a backlog) bumps again, which only drops entries
    /// cached since the first bump.</summary>
    private const string BumpVersionsOnce = """
        if not redis.call('SET', KEYS[1], '1', 'NX', 'EX', ARGV[1]) then return 0 end
        for i = 2, #KEYS do redis.call('INCR', KEYS[i]) end
        return #KEYS - 1
        """;

    private static string BatchKey(Guid batchId) => $"overview:batch:{batchId:N}";

    private static string VersionKey(string scope) => $"overview:version:{scope}";

    /// <summary>The reader's zone and week start place the buckets' edges, so they are part of the key; a read without them
    /// keeps the key it always had.</summary>
    private static string Reader(ReaderCalendar reader) =>
        reader.IsDefault ? "" : $":{reader.Zone?.Id}:{reader.WeekStart.ToWire()}";

    private static string EntryKey(OverviewRequest request, IReadOnlySet<string>? only, long version)
    {
        var services = only is null ? "" : ":" + string.Join('+', only.Order(StringComparer.Ordinal));
        return string.Create(CultureInfo.InvariantCulture,
            $"overview:{request.Scope}:{version}:{request.Timeframe.ToWire()}:{request.AsOf.Ticks}:{request.AllStart?.Ticks}{Reader(request.Reader)}{services}");
    }
}
