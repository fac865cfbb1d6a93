using ExecutiveDashboard.Contracts.IntegrationEvents;
using ExecutiveDashboard.Gateway.Overview;
using ExecutiveDashboard.Gateway.Realtime;
using MassTransit;

namespace ExecutiveDashboard.Gateway.IntegrationEvents.EventHandling;

/// <summary>
/// <c>metrics_update</c> frames from the <see cref="MetricsChangedBatch"/> of each service. The cached overviews of the whole
/// batch are dropped first, here and not only by the shared <see cref="MetricsChangedConsumer"/>, whose queue may run behind
/// this one: a browser that refetches on the frame must never get the numbers from before the change. Whichever of the two
/// comes first drops them, once (<see cref="OverviewCache.InvalidateAsync"/>).
/// </summary>
public sealed class LiveMetricsConsumer(OverviewCache cache, LiveHub hub) : IConsumer<MetricsChangedBatch>
{
    public async Task Consume(ConsumeContext<MetricsChangedBatch> context)
    {
        var changes = context.Message.Changes.Where(c => hub.IsWatched(c.WorkspaceId)).ToList();
        if (changes.Count == 0)
        {
            return;
        }
        await cache.InvalidateAsync(context.MessageId, context.Message);
        foreach (var workspace in changes.GroupBy(c => c.WorkspaceId))
        {
            hub.MetricsChanged(workspace.Key, workspace.SelectMany(c => c.Sections).ToHashSet());
        }
    }
}
