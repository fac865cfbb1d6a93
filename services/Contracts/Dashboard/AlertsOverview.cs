namespace ExecutiveDashboard.Contracts.Dashboard;

/// <summary>What the alerts service answers the gateway's overview in one call (<c>GET /api/alerts/overview</c>): the
/// scope's active alerts as of asOf and its goals with their latest evaluation.</summary>
public sealed record AlertsOverview(IReadOnlyList<ActiveAlert> ActiveAlerts, IReadOnlyList<Goal> Goals);
