namespace ExecutiveDashboard.Gateway.Realtime;

/// <summary>Limits of the WebSocket hub (<c>Realtime</c> section of the configuration); docs/realtime.md says why.</summary>
public sealed class RealtimeOptions
{
    /// <summary>Frames a client may have waiting; a client whose queue is full is dropped (it reconnects and refetches).</summary>
    public int SendQueueCapacity { get; set; } = 256;

    /// <summary>At most one <c>metrics_update</c> per subscription in this interval (docs/realtime.md).</summary>
    public TimeSpan MetricsUpdateInterval { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>Activity frames per second per subscription (a workspace, or <c>all</c>); above it the feed is
    /// sampled. Alerts are never sampled.</summary>
    public int ActivityPerSecond { get; set; } = 20;

    /// <summary>Events older than this when they reach the gateway (a backfill, a late replay) are not news:
    /// they change the numbers (<c>metrics_update</c>) but do not enter the live feed.</summary>
    public TimeSpan ActivityMaxAge { get; set; } = TimeSpan.FromMinutes(10);
}
