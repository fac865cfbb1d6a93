using ExecutiveDashboard.Alerts.Evaluation;
using ExecutiveDashboard.Alerts.Storage;
using ExecutiveDashboard.Contracts.IntegrationEvents;
using ExecutiveDashboard.Contracts.Metrics;
using MassTransit;

namespace ExecutiveDashboard.Alerts.IntegrationEvents.EventHandling;

/// <summary>
/// Marks the workspaces whose numbers changed, and the platform, for the next round of <see cref="ChangedScopes"/> as
/// each service's <see cref="MetricsChangedBatch"/> arrives (a backfill brings thousands of changes a second, a few
/// batches). Only the changes of the services whose numbers the rules read (<see cref="HttpSignalSource.Services"/>)
/// count: the users service's (activity) and the alerts service's own notices change no input of a rule, and during an
/// ingest the users service's batches, which trail the executions service's by seconds, would start rounds of their own
/// that read every marked scope's signals again for nothing. The scopes are remembered for the timer first, in one
/// statement per batch.
/// </summary>
public sealed class MetricsChangedConsumer(AlertStore store, ChangedScopes changed, TimeProvider clock) : IConsumer<MetricsChangedBatch>
{
    private static readonly HashSet<string> RuleInputs = HttpSignalSource.Services.Select(s => s.Name).ToHashSet(StringComparer.Ordinal);

    public async Task Consume(ConsumeContext<MetricsChangedBatch> context)
    {
        var touched = context.Message.Changes
            .Where(c => RuleInputs.Contains(c.Service))
            .Select(c => c.WorkspaceId)
            .ToHashSet(StringComparer.Ordinal);
        if (touched.Count == 0)
        {
            return;
        }
        touched.Add(Scopes.Platform);
        await store.RememberScopesAsync(touched, clock.GetUtcNow().UtcDateTime, context.CancellationToken);
        changed.Mark(touched);
    }

    /// <summary>One batch at a time: batches of a backfill name the same scopes (the platform always), and concurrent
    /// upserts of those rows would only wait for each other's locks.</summary>
    public static void Configure(IRegistrationContext context, IConsumerConfigurator<MetricsChangedConsumer> consumer) =>
        consumer.ConcurrentMessageLimit = 1;
}
