using ExecutiveDashboard.Contracts.IntegrationEvents;
using ExecutiveDashboard.Gateway.Overview;
using MassTransit;
using Microsoft.Extensions.Options;

namespace ExecutiveDashboard.Gateway.Realtime;

/// <summary>Lines of the live feed from the integration events. Events older than
/// <see cref="RealtimeOptions.ActivityMaxAge"/> (a backfill) change the numbers but are not news.</summary>
public sealed class LiveActivityConsumer(LiveHub hub, IOptions<RealtimeOptions> options, TimeProvider clock) :
    IConsumer<RunsCompleted>, IConsumer<UserActivitiesRecorded>, IConsumer<SubscriptionChanged>,
    IConsumer<AlertTriggered>, IConsumer<AlertResolved>
{
    public Task Consume(ConsumeContext<RunsCompleted> context)
    {
        foreach (var run in context.Message.Runs)
        {
            if (hub.IsWatched(run.WorkspaceId) && IsNews(run.CompletedAt))
            {
                hub.Activity(ActivityText.Of(run));
            }
        }
        return Task.CompletedTask;
    }

    public Task Consume(ConsumeContext<UserActivitiesRecorded> context)
    {
        foreach (var activity in context.Message.Activities)
        {
            if (hub.IsWatched(activity.WorkspaceId) && IsNews(activity.OccurredAt) && ActivityText.Of(activity) is { } frame)
            {
                hub.Activity(frame);
            }
        }
        return Task.CompletedTask;
    }

    public Task Consume(ConsumeContext<SubscriptionChanged> context)
    {
        if (IsNews(context.Message.OccurredAt))
        {
            hub.Activity(ActivityText.Of(context.Message));
        }
        return Task.CompletedTask;
    }

    /// <summary>Alerts are about now, whenever the condition began, and are sampled on a budget of their own.</summary>
    public Task Consume(ConsumeContext<AlertTriggered> context)
    {
        hub.Activity(ActivityText.Of(context.Message, clock.GetUtcNow().UtcDateTime), alert: true);
        return Task.CompletedTask;
    }

    public Task Consume(ConsumeContext<AlertResolved> context)
    {
        hub.Activity(ActivityText.Of(context.Message), alert: true);
        return Task.CompletedTask;
    }

    private bool IsNews(DateTime at) => clock.GetUtcNow().UtcDateTime - at <= options.Value.ActivityMaxAge;
}

/// <summary>
/// <c>metrics_update</c> frames from the <see cref="MetricsChangedBatch"/> of each service. The cached overviews are
/// dropped first, here and not only by the shared <see cref="MetricsChangedConsumer"/>, whose queue may run behind this
/// one: a browser that refetches on the frame must never get the numbers from before the change.
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
        await cache.InvalidateAsync(changes.Select(c => c.WorkspaceId));
        foreach (var workspace in changes.GroupBy(c => c.WorkspaceId))
        {
            hub.MetricsChanged(workspace.Key, workspace.SelectMany(c => c.Sections).ToHashSet());
        }
    }
}

public static class LiveEndpoints
{
    /// <summary>Every gateway replica must push every frame to its own browsers, so each binds queues of its own
    /// (deleted when it stops) instead of sharing the service's queues with the other replicas.</summary>
    public static void AddLiveConsumers(this IBusRegistrationConfigurator bus)
    {
        var replica = Guid.NewGuid().ToString("N");
        bus.AddConsumer<LiveActivityConsumer>().Endpoint(e =>
        {
            e.Name = $"gateway-live-activity-{replica}";
            e.Temporary = true;
        });
        bus.AddConsumer<LiveMetricsConsumer>().Endpoint(e =>
        {
            e.Name = $"gateway-live-metrics-{replica}";
            e.Temporary = true;
        });
    }
}
