namespace ExecutiveDashboard.Contracts.Dashboard;

/// <summary>What the users service answers for one scope, timeframe and asOf
/// (<c>GET /api/users/overview</c>); the gateway maps it into <see cref="ExecutiveDashboardData"/>:
/// <c>userMetrics</c>, <c>businessMetrics.activeWorkspaces</c> and <c>trends.users</c>.</summary>
public sealed record UsersOverview(
    PeriodRange Period,
    UserMetrics UserMetrics,
    long ActiveWorkspaces,
    IReadOnlyList<TimeSeriesPoint> UsersTrend);
