namespace ExecutiveDashboard.Contracts.Dashboard;

/// <summary>
/// The dashboard contract: the seed's <c>ExecutiveDashboardData</c> plus the extensions of
/// docs/metrics.md (<c>topUsers</c>, <c>mrrMovements</c>, <c>meta</c>). Serialised camelCase; every
/// field is present and <c>null</c> where a value is undefined or its section is degraded.
/// Times are UTC <see cref="DateTime"/>s so that they serialise with a <c>Z</c>.
/// </summary>
public sealed record ExecutiveDashboardData(
    string Timeframe,
    PeriodRange Period,
    UserMetrics UserMetrics,
    ExecutionMetrics ExecutionMetrics,
    BusinessMetrics BusinessMetrics,
    AgentMetrics AgentMetrics,
    Trends Trends,
    IReadOnlyList<ActiveAlert> ActiveAlerts,
    IReadOnlyList<TopUser> TopUsers,
    MrrMovements MrrMovements,
    DashboardMeta Meta)
{
    /// <summary>The scope's annotations with <c>at</c> in the period, and the platform's (<c>all</c>) ones, oldest first; empty
    /// when the alerts service is degraded (section <see cref="Sections.Annotations"/>). A property rather than a parameter:
    /// it was added later, and every producer that does not set it answers an empty list.</summary>
    public IReadOnlyList<Annotation> Annotations { get; init; } = [];
}
