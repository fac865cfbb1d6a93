namespace ExecutiveDashboard.Contracts.IntegrationEvents;

/// <summary>
/// The <see cref="MetricsChanged"/> that one round of a service's outbox published, again in one message: what the
/// gateway and the alerts service consume. A backfill brings thousands of notifications a second, and each message
/// costs the broker and every consuming queue the same whatever its size; the per-workspace messages still go out
/// for the platform's other consumers (events.md).
/// </summary>
/// <param name="Changes">In the order the outbox held them; a workspace may appear more than once.</param>
public sealed record MetricsChangedBatch(IReadOnlyList<MetricsChanged> Changes);
