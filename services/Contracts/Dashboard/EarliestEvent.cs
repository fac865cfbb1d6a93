namespace ExecutiveDashboard.Contracts.Dashboard;

/// <summary>Where the timeframe <c>all</c> starts for one service and scope (<c>GET /api/{service}/earliest</c>);
/// null when the scope has no events there.</summary>
public sealed record EarliestEvent(DateTime? Earliest);
