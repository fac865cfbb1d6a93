using ExecutiveDashboard.Contracts.IntegrationEvents;
using MassTransit;

namespace ExecutiveDashboard.Gateway.Overview;

/// <summary>Drops the cached overviews of the workspaces (and of the platform) whose numbers changed. A backfill
/// brings thousands of these a second: they are taken in batches, one Redis round trip for each.</summary>
public sealed class MetricsChangedConsumer(OverviewCache cache) : IConsumer<Batch<MetricsChanged>>
{
    public Task Consume(ConsumeContext<Batch<MetricsChanged>> context) =>
        cache.InvalidateAsync(context.Message.Select(m => m.Message.WorkspaceId));

    public static void Configure(IRegistrationContext context, IConsumerConfigurator<MetricsChangedConsumer> consumer) =>
        consumer.Options<BatchOptions>(batch => batch.SetMessageLimit(500).SetTimeLimit(TimeSpan.FromMilliseconds(20)));
}
