using ExecutiveDashboard.Contracts.Ingest;
using ExecutiveDashboard.Contracts.IntegrationEvents;
using ExecutiveDashboard.Users.Ingest;
using MassTransit;

namespace ExecutiveDashboard.Users.IntegrationEvents;

/// <summary>
/// Each completed run makes its user active at <c>completedAt</c> (metrics.md), and so its workspace.
/// Runs are merged into the users and their activity spans, which a redelivered message leaves as they are.
/// </summary>
public sealed class RunsCompletedConsumer(UserEventStore store) : IConsumer<RunsCompleted>
{
    public const string QueueName = "users-runs-completed";

    public Task Consume(ConsumeContext<RunsCompleted> context) =>
        store.MergeRunsAsync(ToActivity(context.Message), context.CancellationToken);

    internal static IReadOnlyList<UserActiveEvent> ToActivity(RunsCompleted message) =>
        message.Runs.Select(r => new UserActiveEvent(r.EventId, r.WorkspaceId, r.UserId, Utc(r.CompletedAt))).ToList();

    private static DateTime Utc(DateTime t) => t.Kind switch
    {
        DateTimeKind.Utc => t,
        DateTimeKind.Local => t.ToUniversalTime(),
        _ => DateTime.SpecifyKind(t, DateTimeKind.Utc),
    };
}
