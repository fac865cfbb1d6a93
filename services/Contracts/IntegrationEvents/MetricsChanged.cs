namespace ExecutiveDashboard.Contracts.IntegrationEvents;

/// <summary>
/// A service stored new events that change the numbers of a workspace; published after every
/// accepted batch, once per workspace it touched. The gateway drops its cached overviews of that
/// workspace and of the platform, and tells the browsers which sections to refetch. While one is waiting
/// in the publisher's outbox, another for the same service and workspace is not added (<see cref="ICoalescable"/>).
/// </summary>
/// <param name="Service"><c>users</c>, <c>executions</c>, <c>billing</c> or <c>alerts</c>.</param>
/// <param name="Sections">Dashboard sections that may have changed (see <c>Sections</c>).</param>
public sealed record MetricsChanged(string WorkspaceId, string Service, DateTime At, IReadOnlyList<string> Sections) : ICoalescable
{
    /// <summary>One pending notification per service and workspace is enough: the consumer re-reads.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public string CoalesceKey => $"{Service}/{WorkspaceId}";
}
