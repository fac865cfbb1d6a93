namespace ExecutiveDashboard.Executions.Model;

/// <summary>What docs/metrics.md asks of the period's agents and users: how many agents ran, and the ten of each with most runs.</summary>
public sealed record Leaderboard(long ActiveAgents, IReadOnlyList<RankedAgent> TopAgents, IReadOnlyList<UserRow> TopUsers);
