namespace ExecutiveDashboard.Contracts.IntegrationEvents;

/// <summary>An active alert's condition cleared.</summary>
public sealed record AlertResolved(string AlertId, string WorkspaceId, string Rule, DateTime ResolvedAt);
