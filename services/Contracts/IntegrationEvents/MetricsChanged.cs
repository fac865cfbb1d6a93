namespace ExecutiveDashboard.Contracts.IntegrationEvents;

/// <summary>
/// A service stored new events that change the numbers of a workspace. Services write them in a
/// <see cref="MetricsChangedBatch"/>; the outbox publishes one per workspace and service of each round (those that
/// waited together are merged), for the platform's consumers (docs/events.md), next to the merged batch.
/// </summary>
/// <param name="Service"><c>users</c>, <c>executions</c>, <c>billing</c> or <c>alerts</c>.</param>
/// <param name="Sections">Dashboard sections that may have changed (see <c>Sections</c>).</param>
public sealed record MetricsChanged(string WorkspaceId, string Service, DateTime At, IReadOnlyList<string> Sections);
