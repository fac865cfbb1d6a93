namespace ExecutiveDashboard.Executions.Model;

/// <summary>When an agent was first seen and its latest name by event time.</summary>
public readonly record struct AgentSighting(DateTime FirstSeenAt, string? Name, DateTime? NamedAt);
