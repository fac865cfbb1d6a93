using ExecutiveDashboard.Contracts.Dashboard;

namespace ExecutiveDashboard.Gateway.Model;

/// <param name="Complete">Every deployed service answered, with every event it had accepted.</param>
public sealed record ComposedOverview(ExecutiveDashboardData Data, bool Complete);
