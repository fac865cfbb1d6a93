using ExecutiveDashboard.Contracts.Ingest;

namespace ExecutiveDashboard.Platform.Ingest;

/// <summary>A service's side of <see cref="IngestRequest"/>: the events it accepts, how it reads and scopes them, and
/// its durable store (usually through <see cref="IngestTransaction"/>).</summary>
/// <typeparam name="T">The service's event type.</typeparam>
public interface IEventIngest<T> where T : class
{
    /// <summary>The <c>type</c> values this service accepts.</summary>
    string[] Types { get; }

    /// <summary>An event of one of <see cref="Types"/> from its fields, which collect the errors of invalid ones.</summary>
    T Parse(string type, EventFields fields);

    /// <summary>The scope the token must grant to send this event: a workspace id, or <c>all</c> for the platform's own
    /// events; null when the event needs no grant.</summary>
    string? WorkspaceOf(T @event);

    /// <summary>Stores a valid batch exactly once, durably, before the caller answers 202.</summary>
    Task<IngestResult> StoreAsync(IReadOnlyList<T> events, CancellationToken cancellationToken);
}
