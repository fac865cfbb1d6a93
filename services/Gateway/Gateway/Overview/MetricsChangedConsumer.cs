using ExecutiveDashboard.Contracts.IntegrationEvents;
using MassTransit;

namespace ExecutiveDashboard.Gateway.Overview;

/// <summary>Drops the cached overviews of a workspace (and of the platform) when its numbers change.</summary>
public sealed class MetricsChangedConsumer(OverviewCache cache) : IConsumer<MetricsChanged>
{
    public Task Consume(ConsumeContext<MetricsChanged> context) => cache.InvalidateAsync(context.Message.WorkspaceId);
}
