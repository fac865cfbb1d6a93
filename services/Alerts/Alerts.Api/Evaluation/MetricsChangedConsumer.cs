using ExecutiveDashboard.Alerts.Storage;
using ExecutiveDashboard.Contracts.IntegrationEvents;
using ExecutiveDashboard.Contracts.Metrics;
using MassTransit;

namespace ExecutiveDashboard.Alerts.Evaluation;

/// <summary>
/// Marks the workspaces whose numbers changed, and the platform, for the next round of <see cref="ChangedScopes"/> as
/// their <c>MetricsChanged</c> arrive (in batches: a backfill brings thousands). The alerts service's own notices are
/// skipped: they change no input of a rule. The scopes are remembered for the timer first.
/// </summary>
public sealed class MetricsChangedConsumer(AlertStore store, ChangedScopes changed, TimeProvider clock) : IConsumer<Batch<MetricsChanged>>
{
    public async Task Consume(ConsumeContext<Batch<MetricsChanged>> context)
    {
        var touched = context.Message.Select(m => m.Message)
            .Where(m => m.Service != AlertStore.ServiceName)
            .Select(m => m.WorkspaceId)
            .ToHashSet(StringComparer.Ordinal);
        if (touched.Count == 0)
        {
            return;
        }
        touched.Add(Scopes.Platform);
        await store.RememberScopesAsync(touched, clock.GetUtcNow().UtcDateTime, context.CancellationToken);
        changed.Mark(touched);
    }

    /// <summary>Under a steady ingest every batch touches the same scopes: collecting for up to 100 ms remembers them
    /// in one statement instead of tens.</summary>
    public static void Configure(IRegistrationContext context, IConsumerConfigurator<MetricsChangedConsumer> consumer) =>
        consumer.Options<BatchOptions>(batch => batch.SetMessageLimit(500).SetTimeLimit(TimeSpan.FromMilliseconds(100)));
}
