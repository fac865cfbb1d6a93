using System.Collections.Concurrent;
using System.Diagnostics;
using ExecutiveDashboard.Contracts.IntegrationEvents;
using ExecutiveDashboard.ServiceDefaults.Telemetry;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace ExecutiveDashboard.Alerts.IntegrationTests;

/// <summary>The sampler of every service (ServiceDefaults) recognises MetricsChanged by the name MassTransit gives its
/// publish span: this holds the sampler to the names the real bus gives, which a MassTransit upgrade could change.</summary>
[Collection(ServersCollection.Name)]
public sealed class NotificationTracingTests(AlertsServersFixture servers)
{
    [Fact]
    public async Task The_publish_span_of_a_MetricsChanged_is_the_one_the_sampler_thins_out()
    {
        var published = new ConcurrentDictionary<string, byte>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "MassTransit",
            Sample = (ref ActivityCreationOptions<ActivityContext> options) =>
            {
                if (options.Kind == ActivityKind.Producer)
                {
                    published.TryAdd(options.Name, 0);
                }
                return ActivitySamplingResult.AllDataAndRecorded;
            },
        };
        ActivitySource.AddActivityListener(listener);
        await using var service = servers.NewService();
        var bus = service.Services.GetRequiredService<IBus>();

        await bus.Publish(new MetricsChanged("ws_traced", "executions", service.Now, ["executionMetrics"]));
        await bus.Publish(new AlertResolved(Guid.NewGuid().ToString(), "ws_traced", "high-error-rate", service.Now));

        var notification = Assert.Single(published.Keys, name => name.Contains(nameof(MetricsChanged), StringComparison.Ordinal));
        Assert.True(NotificationSampler.IsNotification(notification), notification);
        var other = Assert.Single(published.Keys, name => name.Contains(nameof(AlertResolved), StringComparison.Ordinal));
        Assert.False(NotificationSampler.IsNotification(other), other);
    }
}
