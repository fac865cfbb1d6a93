namespace ExecutiveDashboard.Contracts.Dashboard;

/// <summary>What the users service answers for one scope, timeframe and asOf (<c>GET /api/users/overview</c>).</summary>
public sealed record UsersOverview(
    PeriodRange Period,
    UserMetrics UserMetrics,
    long ActiveWorkspaces,
    IReadOnlyList<TimeSeriesPoint> UsersTrend);
