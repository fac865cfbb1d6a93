namespace ExecutiveDashboard.Contracts.IntegrationEvents;

/// <summary>
/// A service stored new events that change the numbers of a workspace; published after every
/// accepted batch, once per workspace it touched. The gateway drops its cached overviews of that
/// workspace and of the platform, and tells the browsers which sections to refetch.
/// </summary>
/// <param name="Service"><c>users</c>, <c>executions</c>, <c>billing</c> or <c>alerts</c>.</param>
/// <param name="Sections">Dashboard sections that may have changed (see <c>Sections</c>).</param>
public sealed record MetricsChanged(string WorkspaceId, string Service, DateTime At, IReadOnlyList<string> Sections);
