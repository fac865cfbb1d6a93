namespace ExecutiveDashboard.Contracts.Dashboard;

/// <summary>The alerts service's answer to the overview (<c>GET /api/alerts/overview</c>): every section it feeds, in the
/// one call the gateway makes to it.</summary>
/// <param name="ActiveAlerts">The scope's alerts active at asOf.</param>
/// <param name="Annotations">The scope's annotations with <c>at</c> in the period, and the platform's (<c>all</c>) ones.</param>
/// <param name="Goals">The scope's goals with their latest evaluation: not historical, every asOf shows them as they are.</param>
public sealed record AlertsOverview(IReadOnlyList<ActiveAlert> ActiveAlerts, IReadOnlyList<Annotation> Annotations, IReadOnlyList<Goal> Goals);
