using ExecutiveDashboard.Contracts.IntegrationEvents;
using ExecutiveDashboard.Gateway.Overview;
using MassTransit;

namespace ExecutiveDashboard.Gateway.IntegrationEvents.EventHandling;

/// <summary>Drops the cached overviews of the workspaces (and of the platform) whose numbers changed, from the gateway's
/// shared queue, which keeps the batches while no replica runs: one Redis round trip per <see cref="MetricsChangedBatch"/>,
/// the notifications of one round of a service's outbox, and no bump if a replica's <see cref="LiveMetricsConsumer"/> has
/// already dropped them.</summary>
public sealed class MetricsChangedConsumer(OverviewCache cache) : IConsumer<MetricsChangedBatch>
{
    public Task Consume(ConsumeContext<MetricsChangedBatch> context) =>
        cache.InvalidateAsync(context.MessageId, context.Message);
}
