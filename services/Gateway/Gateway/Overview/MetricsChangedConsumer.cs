using ExecutiveDashboard.Contracts.IntegrationEvents;
using MassTransit;

namespace ExecutiveDashboard.Gateway.Overview;

/// <summary>Drops the cached overviews of the workspaces (and of the platform) whose numbers changed: one Redis
/// round trip per <see cref="MetricsChangedBatch"/>, the notifications of one round of a service's outbox.</summary>
public sealed class MetricsChangedConsumer(OverviewCache cache) : IConsumer<MetricsChangedBatch>
{
    public Task Consume(ConsumeContext<MetricsChangedBatch> context) =>
        cache.InvalidateAsync(context.Message.Changes.Select(c => c.WorkspaceId));
}
