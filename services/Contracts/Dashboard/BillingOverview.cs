namespace ExecutiveDashboard.Contracts.Dashboard;

/// <summary>What the billing service answers for one scope, timeframe and asOf (<c>GET /api/billing/overview</c>).
/// <see cref="BusinessMetrics.ActiveWorkspaces"/> is left null: the users service owns it.</summary>
public sealed record BillingOverview(
    PeriodRange Period,
    BusinessMetrics BusinessMetrics,
    MrrMovements MrrMovements,
    IReadOnlyList<TimeSeriesPoint> RevenueTrend);
