namespace ExecutiveDashboard.Contracts.Dashboard;

/// <summary>
/// The dashboard contract: the seed's <c>ExecutiveDashboardData</c> plus the extensions of
/// docs/metrics.md (<c>topUsers</c>, <c>mrrMovements</c>, <c>meta</c>). Serialised camelCase; every
/// field is present and <c>null</c> where a value is undefined or its section is degraded.
/// Times are UTC <see cref="DateTime"/>s so that they serialise with a <c>Z</c>.
/// </summary>
/// <param name="Goals">The scope's goals with their latest evaluation (contract 1.2); the gateway always fills it, [] when
/// the alerts service is degraded. Last, and optional here, so that readers built before it still construct the record.</param>
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

    /// <summary>The scope's goals with their latest evaluation (section <see cref="Sections.Goals"/>), fed by the alerts service
    /// with the active alerts; empty when it is degraded. A property for the same reason as <see cref="Annotations"/>.</summary>
    public IReadOnlyList<Goal> Goals { get; init; } = [];
}
