namespace ExecutiveDashboard.Contracts.Dashboard;

/// <summary>What the billing service answers for one scope, timeframe and asOf
/// (<c>GET /api/billing/overview</c>); the gateway maps it into <see cref="ExecutiveDashboardData"/>.
/// <see cref="BusinessMetrics.ActiveWorkspaces"/> is always <c>null</c> here: the users service owns it.</summary>
public sealed record BillingOverview(
    PeriodRange Period,
    BusinessMetrics BusinessMetrics,
    MrrMovements MrrMovements,
    IReadOnlyList<TimeSeriesPoint> RevenueTrend);
