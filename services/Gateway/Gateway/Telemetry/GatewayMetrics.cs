using System.Diagnostics.Metrics;

namespace ExecutiveDashboard.Gateway.Telemetry;

/// <summary>The gateway's meter: overview answers from the cache and composed anew (the hit ratio is
/// hits / (hits + misses)). The WebSocket clients are <c>dashboard.realtime.connections</c> of the real-time meter.</summary>
public sealed class GatewayMetrics
{
    public const string MeterName = "ExecutiveDashboard.Gateway";
    public const string CacheHitsInstrument = "dashboard.overview.cache.hits";
    public const string CacheMissesInstrument = "dashboard.overview.cache.misses";

    private readonly Counter<long> _hits;

    private readonly Counter<long> _misses;

    public GatewayMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _hits = meter.CreateCounter<long>(CacheHitsInstrument,
            unit: "{answer}", description: "Overview answers served from the cache.");
        _misses = meter.CreateCounter<long>(CacheMissesInstrument,
            unit: "{answer}", description: "Overview answers composed from the services (not in the cache).");
    }

    public void CacheLookedUp(bool hit) => (hit ? _hits : _misses).Add(1);
}
