namespace ExecutiveDashboard.Contracts.IntegrationEvents;

/// <summary>An alert rule's condition became true for a scope (a workspace id or <c>all</c>).</summary>
public sealed record AlertTriggered(
    string AlertId, string WorkspaceId, string Rule, string Severity, string Message, DateTime TriggeredAt);
