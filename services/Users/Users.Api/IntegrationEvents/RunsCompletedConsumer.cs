using ExecutiveDashboard.Contracts.Ingest;
using ExecutiveDashboard.Contracts.IntegrationEvents;
using ExecutiveDashboard.Users.Ingest;
using MassTransit;

namespace ExecutiveDashboard.Users.IntegrationEvents;

/// <summary>
/// Each completed run makes its user active at <c>completedAt</c> (metrics.md), and so its workspace.
/// Runs take the same storage path as <c>user.active</c>; they are claimed as <c>run/&lt;eventId&gt;</c>, so
/// a redelivered message changes nothing.
/// </summary>
public sealed class RunsCompletedConsumer(UserEventStore store) : IConsumer<RunsCompleted>
{
    public const string QueueName = "users-runs-completed";

    /// <summary>'/' is not allowed in a client's event id: a run's claim never collides with a user event's.</summary>
    public const string ClaimPrefix = "run/";

    public Task Consume(ConsumeContext<RunsCompleted> context) =>
        store.StoreAsync(ToActivity(context.Message), EventSource.Runs, context.CancellationToken);

    internal static IReadOnlyList<UserEvent> ToActivity(RunsCompleted message) =>
        message.Runs.Select(r => (UserEvent)new UserActiveEvent(ClaimPrefix + r.EventId, r.WorkspaceId, r.UserId, Utc(r.CompletedAt)))
            .ToList();

    private static DateTime Utc(DateTime t) => t.Kind switch
    {
        DateTimeKind.Utc => t,
        DateTimeKind.Local => t.ToUniversalTime(),
        _ => DateTime.SpecifyKind(t, DateTimeKind.Utc),
    };
}
