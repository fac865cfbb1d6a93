using ExecutiveDashboard.Contracts.IntegrationEvents;
using ExecutiveDashboard.Gateway.Realtime;
using MassTransit;
using Microsoft.Extensions.Options;

namespace ExecutiveDashboard.Gateway.IntegrationEvents.EventHandling;

/// <summary>Lines of the live feed from the integration events. Events older than
/// <see cref="RealtimeOptions.ActivityMaxAge"/> (a backfill) change the numbers but are not news.</summary>
public sealed class LiveActivityConsumer(LiveHub hub, IOptions<RealtimeOptions> options, TimeProvider clock) :
    IConsumer<RunsCompleted>, IConsumer<UserActivitiesRecorded>, IConsumer<SubscriptionChanged>,
    IConsumer<AlertTriggered>, IConsumer<AlertResolved>, IConsumer<AlertAcknowledged>, IConsumer<ExportGenerated>
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
        hub.Activity(ActivityText.Of(context.Message, clock.GetUtcNow().UtcDateTime), notable: true);
        return Task.CompletedTask;
    }

    public Task Consume(ConsumeContext<AlertResolved> context)
    {
        hub.Activity(ActivityText.Of(context.Message), notable: true);
        return Task.CompletedTask;
    }

    /// <summary>That someone is on it is news to the scope's other viewers, like the alert itself.</summary>
    public Task Consume(ConsumeContext<AlertAcknowledged> context)
    {
        hub.Activity(ActivityText.Of(context.Message), notable: true);
        return Task.CompletedTask;
    }

    /// <summary>Who took the dashboard away as a file is news to the scope's other viewers.</summary>
    public Task Consume(ConsumeContext<ExportGenerated> context)
    {
        hub.Activity(ActivityText.Of(context.Message), notable: true);
        return Task.CompletedTask;
    }

    private bool IsNews(DateTime at) => clock.GetUtcNow().UtcDateTime - at <= options.Value.ActivityMaxAge;
}
