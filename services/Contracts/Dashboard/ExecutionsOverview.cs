namespace ExecutiveDashboard.Contracts.Dashboard;

/// <summary>What the executions service answers for one scope, timeframe and asOf
/// (<c>GET /api/executions/overview</c>); the gateway maps it into <see cref="ExecutiveDashboardData"/>.</summary>
/// <param name="CatchingUp">Some accepted runs are not in these numbers yet: a backfill is ahead of the
/// rollups, and the answer came from them as they are rather than after the gateway's timeout.</param>
public sealed record ExecutionsOverview(
    PeriodRange Period,
    ExecutionMetrics ExecutionMetrics,
    AgentMetrics AgentMetrics,
    IReadOnlyList<TopUser> TopUsers,
    IReadOnlyList<TimeSeriesPoint> ExecutionTrend,
    IReadOnlyList<TimeSeriesPoint> ErrorTrend,
    bool CatchingUp = false);
