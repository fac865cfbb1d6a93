namespace ExecutiveDashboard.Contracts.Dashboard;

public sealed record AgentMetrics(long? TotalAgents, long? ActiveAgents, IReadOnlyList<TopAgent> TopAgents)
{
    public static readonly AgentMetrics Empty = new(null, null, []);
}
