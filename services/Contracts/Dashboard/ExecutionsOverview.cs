namespace ExecutiveDashboard.Contracts.Dashboard;

/// <summary>What the executions service answers for one scope, timeframe and asOf
/// (<c>GET /api/executions/overview</c>); the gateway maps it into <see cref="ExecutiveDashboardData"/>.</summary>
public sealed record ExecutionsOverview(
    PeriodRange Period,
    ExecutionMetrics ExecutionMetrics,
    AgentMetrics AgentMetrics,
    IReadOnlyList<TopUser> TopUsers,
    IReadOnlyList<TimeSeriesPoint> ExecutionTrend,
    IReadOnlyList<TimeSeriesPoint> ErrorTrend);
