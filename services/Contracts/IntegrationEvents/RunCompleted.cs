namespace ExecutiveDashboard.Contracts.IntegrationEvents;

/// <summary>A run the executions service accepted for the first time (never for a duplicate).</summary>
public sealed record RunCompleted(
    string EventId, string WorkspaceId, string RunId, string AgentId, string? AgentName, string UserId,
    bool Succeeded, DateTime StartedAt, DateTime CompletedAt, decimal Credits, string? ErrorCode);

/// <summary>
/// The runs of one ingest batch, published once per batch by the executions service: one message
/// instead of up to 5,000 keeps the bus far below the ingest rate. Consumers must be idempotent per
/// run <see cref="RunCompleted.EventId"/>: a message can be delivered more than once.
/// </summary>
public sealed record RunsCompleted(Guid BatchId, IReadOnlyList<RunCompleted> Runs);
