using ExecutiveDashboard.Contracts.Ingest;
using ExecutiveDashboard.Contracts.IntegrationEvents;
using ExecutiveDashboard.Users.Ingest;
using MassTransit;

namespace ExecutiveDashboard.Users.IntegrationEvents.EventHandling;

/// <summary>
/// Each completed run makes its user active at <c>completedAt</c> (docs/metrics.md), and so its workspace.
/// Runs are merged into the users and their activity spans, which a redelivered message leaves as they are.
/// Messages are taken a few at a time, one batch after the other: during a backfill a user's spans and a
/// workspace's <c>MetricsChanged</c> are then written once per batch rather than once per message, and
/// concurrent merges would only queue on the same users' rows.
/// </summary>
public sealed class RunsCompletedConsumer(UserEventStore store) : IConsumer<Batch<RunsCompleted>>
{
    public const string QueueName = "users-runs-completed";

    public Task Consume(ConsumeContext<Batch<RunsCompleted>> context) =>
        store.MergeRunsAsync(context.Message.SelectMany(m => ToActivity(m.Message)).ToList(), context.CancellationToken);

    /// <summary>Up to 8 messages (of up to 5,000 runs each) per batch; a lone message waits at most 20 ms.</summary>
    public static void Configure(IRegistrationContext context, IConsumerConfigurator<RunsCompletedConsumer> consumer) =>
        consumer.Options<BatchOptions>(batch => batch.SetMessageLimit(8).SetTimeLimit(TimeSpan.FromMilliseconds(20)).SetConcurrencyLimit(1));

    internal static IReadOnlyList<UserActiveEvent> ToActivity(RunsCompleted message) =>
        message.Runs.Select(r => new UserActiveEvent(r.EventId, r.WorkspaceId, r.UserId, Utc(r.CompletedAt))).ToList();

    private static DateTime Utc(DateTime t) => t.Kind switch
    {
        DateTimeKind.Utc => t,
        DateTimeKind.Local => t.ToUniversalTime(),
        _ => DateTime.SpecifyKind(t, DateTimeKind.Utc),
    };
}
