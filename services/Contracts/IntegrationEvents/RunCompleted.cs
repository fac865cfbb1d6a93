namespace ExecutiveDashboard.Contracts.IntegrationEvents;

/// <summary>A run the executions service accepted for the first time (never for a duplicate).</summary>
public sealed record RunCompleted(
    string EventId, string WorkspaceId, string RunId, string AgentId, string? AgentName, string UserId,
    bool Succeeded, DateTime StartedAt, DateTime CompletedAt, decimal Credits, string? ErrorCode);
