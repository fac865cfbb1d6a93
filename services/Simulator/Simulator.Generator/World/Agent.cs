using ExecutiveDashboard.Simulator.Generation.Catalog;

namespace ExecutiveDashboard.Simulator.Generation.World;

/// <summary>An agent a workspace built from a template, with its own failure rate and speed around the template's.</summary>
public sealed record Agent(string Id, string Name, AgentTemplate Template, DateTime CreatedAt, double Weight, double FailureRate, double SpeedFactor);
