namespace ExecutiveDashboard.Contracts.IntegrationEvents;

/// <summary>
/// The runs of one ingest batch, published once per batch by the executions service: one message
/// instead of up to 5,000 keeps the bus far below the ingest rate. Consumers must be idempotent per
/// run <see cref="RunCompleted.EventId"/>: a message can be delivered more than once.
/// </summary>
public sealed record RunsCompleted(Guid BatchId, IReadOnlyList<RunCompleted> Runs);
