namespace ExecutiveDashboard.Contracts.IntegrationEvents;

/// <summary>
/// The <see cref="MetricsChanged"/> of an ingest batch, or of one round of a service's outbox, in one message. A
/// service writes one to its outbox per batch; the outbox publishes the round's batches merged into one, which
/// the gateway and the alerts service consume, and each of its changes as a <see cref="MetricsChanged"/> of its
/// own for the platform's other consumers (docs/events.md). A backfill changes hundreds of workspaces a second, and
/// each message costs the outbox, the broker and every consuming queue about the same whatever its size.
/// </summary>
/// <param name="Changes">At most one per service and workspace once merged.</param>
public sealed record MetricsChangedBatch(IReadOnlyList<MetricsChanged> Changes)
{
    /// <summary>One change per workspace named, in the order first named.</summary>
    public static MetricsChangedBatch Of(IEnumerable<string> workspaceIds, string service, DateTime at, IReadOnlyList<string> sections) =>
        new(workspaceIds.Distinct(StringComparer.Ordinal).Select(w => new MetricsChanged(w, service, at, sections)).ToList());

    /// <summary>Changes that wait together say no more than one per service and workspace: the latest time and every
    /// section named, in the order first seen. Consumers re-read the current numbers when they get it.</summary>
    public static MetricsChangedBatch Merge(IEnumerable<MetricsChanged> changes) =>
        new(changes.GroupBy(c => (c.Service, c.WorkspaceId))
            .Select(g => new MetricsChanged(g.Key.WorkspaceId, g.Key.Service, g.Max(c => c.At),
                g.SelectMany(c => c.Sections).Distinct(StringComparer.Ordinal).ToList()))
            .ToList());
}
