namespace ExecutiveDashboard.Contracts.Dashboard;

/// <summary>The alerts service's answer to the overview (<c>GET /api/alerts/overview</c>): every section it feeds, in the
/// one call the gateway makes to it.</summary>
/// <param name="Annotations">The scope's annotations with <c>at</c> in the period, and the platform's (<c>all</c>) ones.</param>
public sealed record AlertsOverview(IReadOnlyList<ActiveAlert> ActiveAlerts, IReadOnlyList<Annotation> Annotations);
