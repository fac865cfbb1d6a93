using System.Collections.Concurrent;
using System.Diagnostics;
using ExecutiveDashboard.Contracts.IntegrationEvents;
using ExecutiveDashboard.ServiceDefaults.Telemetry;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace ExecutiveDashboard.Alerts.IntegrationTests;

/// <summary>The sampler of every service (ServiceDefaults) recognises the ingest path's messages by the name MassTransit
/// gives their publish span: this holds the sampler to the names the real bus gives, which a MassTransit upgrade could change.</summary>
[Collection(ServersCollection.Name)]
public sealed class IngestMessageTracingTests(AlertsServersFixture servers)
{
    [Fact]
    public async Task The_publish_spans_of_the_ingest_path_are_the_ones_the_sampler_thins_out()
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

        var change = new MetricsChanged("ws_traced", "executions", service.Now, ["executionMetrics"]);
        await bus.Publish(new RunsCompleted(Guid.NewGuid(), []));
        await bus.Publish(new MetricsChangedBatch([change]));
        await bus.Publish(change);
        await bus.Publish(new UserActivitiesRecorded(Guid.NewGuid(), []));
        await bus.Publish(new AlertResolved(Guid.NewGuid().ToString(), "ws_traced", "high-error-rate", service.Now));

        foreach (var type in new[] { nameof(RunsCompleted), nameof(MetricsChangedBatch), nameof(MetricsChanged), nameof(UserActivitiesRecorded) })
        {
            var publish = Assert.Single(published.Keys, name => name.Contains(":" + type + " ", StringComparison.Ordinal));
            Assert.True(IngestMessageSampler.IsIngestMessage(publish), publish);
        }
        var other = Assert.Single(published.Keys, name => name.Contains(nameof(AlertResolved), StringComparison.Ordinal));
        Assert.False(IngestMessageSampler.IsIngestMessage(other), other);
    }
}
