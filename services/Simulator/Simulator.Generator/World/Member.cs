namespace ExecutiveDashboard.Simulator.Generation.World;

/// <summary>A user of a workspace: when they signed up, how much they use agents, and when they stop coming.</summary>
public sealed record Member(string Id, string Name, string Email, DateTime SignedUpAt, double Propensity, DateTime LeavesAt);
