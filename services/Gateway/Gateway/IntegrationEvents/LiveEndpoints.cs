using ExecutiveDashboard.Gateway.IntegrationEvents.EventHandling;
using ExecutiveDashboard.Gateway.Realtime;
using MassTransit;

namespace ExecutiveDashboard.Gateway.IntegrationEvents;

public static class LiveEndpoints
{
    /// <summary>Every gateway replica must push every frame to its own browsers, so each binds queues of its own
    /// (deleted when it stops) instead of sharing the service's queues with the other replicas. While no browser is
    /// subscribed to the replica, their messages are dropped unread (<see cref="SkipWhileNobodyWatches"/>).</summary>
    public static void AddLiveConsumers(this IBusRegistrationConfigurator bus)
    {
        var replica = Guid.NewGuid().ToString("N");
        bus.AddConsumer<LiveActivityConsumer>().Endpoint(e =>
        {
            e.Name = $"gateway-live-activity-{replica}";
            e.Temporary = true;
            e.AddConfigureEndpointCallback(DropUnreadWhileNobodyWatches);
        });
        bus.AddConsumer<LiveMetricsConsumer>().Endpoint(e =>
        {
            e.Name = $"gateway-live-metrics-{replica}";
            e.Temporary = true;
            e.AddConfigureEndpointCallback(DropUnreadWhileNobodyWatches);
        });
    }

    private static void DropUnreadWhileNobodyWatches(IRegistrationContext context, IReceiveEndpointConfigurator endpoint)
    {
        var hub = context.GetRequiredService<LiveHub>();
        endpoint.ConfigureReceive(receive => receive.UseFilter(new SkipWhileNobodyWatches(hub)));
    }
}
