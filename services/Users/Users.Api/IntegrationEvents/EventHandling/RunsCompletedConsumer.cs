using ExecutiveDashboard.Contracts.Ingest;
using ExecutiveDashboard.Users.Ingest;
using MassTransit;

namespace ExecutiveDashboard.Users.IntegrationEvents.EventHandling;

/// <summary>
/// Each completed run (<see cref="Contracts.IntegrationEvents.RunsCompleted"/>, read as <see cref="RunsActivity"/>) makes its
/// user active at <c>completedAt</c> (docs/metrics.md), and so its workspace.
/// Runs are merged into the users and their activity spans, which a redelivered message leaves as they are.
/// Messages are taken many at a time, one batch after the other: while the consumer is behind (a backfill) a
/// user's spans row and a workspace's <c>MetricsChanged</c> are then written once per batch rather than once per
/// message, and concurrent merges would only queue on the same users' rows. The cost of a merge follows the rows it
/// writes, not the runs: on the benchmark's data (100,000 users, 1,000,000 runs in time order, messages of 1,000
/// runs) 8 messages write a spans row for 73 % of their runs, 32 for 46 %, 128 for 22 %, while nearly every run is
/// its user's only one in its hour (96 %), so only a longer batch, not a coarser message, writes less.
/// </summary>
public sealed class RunsCompletedConsumer(UserEventStore store) : IConsumer<Batch<RunsActivity>>
{
    public const string QueueName = "users-runs-completed";

    public Task Consume(ConsumeContext<Batch<RunsActivity>> context) =>
        store.MergeRunsAsync(context.Message.SelectMany(m => ToActivity(m.Message)).ToList(), context.CancellationToken);

    /// <summary>Up to <see cref="MessageLimit"/> messages per batch, as many as are waiting (MassTransit prefetches as many);
    /// a lone message waits at most 20 ms, so a consumer that keeps up adds no more than that to the numbers' delay.</summary>
    public static void Configure(IRegistrationContext context, IConsumerConfigurator<RunsCompletedConsumer> consumer) =>
        consumer.Options<BatchOptions>(batch => batch.SetMessageLimit(MessageLimit).SetTimeLimit(TimeSpan.FromMilliseconds(20)).SetConcurrencyLimit(1));

    /// <summary>64 messages of 1,000 runs (about 21 MB of JSON held at once) write a spans row for about a third of their
    /// runs; up to 5,000 runs a message, a batch can reach 320,000 runs, still one transaction of a few seconds.</summary>
    public const int MessageLimit = 64;

    internal static IReadOnlyList<UserActiveEvent> ToActivity(RunsActivity message) =>
        message.Runs.Select(r => new UserActiveEvent(r.EventId, r.WorkspaceId, r.UserId, Utc(r.CompletedAt))).ToList();

    private static DateTime Utc(DateTime t) => t.Kind switch
    {
        DateTimeKind.Utc => t,
        DateTimeKind.Local => t.ToUniversalTime(),
        _ => DateTime.SpecifyKind(t, DateTimeKind.Utc),
    };
}
