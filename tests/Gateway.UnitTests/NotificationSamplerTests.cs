using System.Diagnostics;
using ExecutiveDashboard.ServiceDefaults.Telemetry;
using OpenTelemetry.Trace;

namespace ExecutiveDashboard.Gateway.UnitTests;

/// <summary>The sampler every service traces with (ServiceDefaults): MetricsChanged notifications 1 in 100, the rest all.</summary>
public sealed class NotificationSamplerTests
{
    private static readonly Sampler Sampler = NotificationSampler.ForEveryService();

    [Fact]
    public void About_one_MetricsChanged_publish_in_a_hundred_is_traced_and_every_other_root_span_even_their_batch()
    {
        var random = new Random(7);
        var notifications = 0;
        var others = 0;
        var batches = 0;
        for (var i = 0; i < 20_000; i++)
        {
            var traceId = ActivityTraceId.CreateFromBytes(Bytes(random));
            notifications += Sampled(Root(traceId, "ExecutiveDashboard.Contracts.IntegrationEvents:MetricsChanged send")) ? 1 : 0;
            others += Sampled(Root(traceId, "ExecutiveDashboard.Contracts.IntegrationEvents:RunsCompleted send")) ? 1 : 0;
            batches += Sampled(Root(traceId, "ExecutiveDashboard.Contracts.IntegrationEvents:MetricsChangedBatch send")) ? 1 : 0;
        }
        Assert.InRange(notifications, 100, 300);   // 1 % of 20,000 is 200
        Assert.Equal(20_000, others);
        Assert.Equal(20_000, batches);   // one per outbox round: what the gateway and the alerts consume, traced whole
        Assert.True(Sampled(new SamplingParameters(default, ActivityTraceId.CreateRandom(), "GET /api/executive/overview", ActivityKind.Server)));
    }

    [Fact]
    public void A_consumer_span_follows_the_decision_of_the_publish_it_came_from()
    {
        var traceId = ActivityTraceId.CreateRandom();
        var sampledParent = new ActivityContext(traceId, ActivitySpanId.CreateRandom(), ActivityTraceFlags.Recorded, isRemote: true);
        var droppedParent = new ActivityContext(traceId, ActivitySpanId.CreateRandom(), ActivityTraceFlags.None, isRemote: true);
        Assert.True(Sampled(new SamplingParameters(sampledParent, traceId, "gateway-metrics-changed receive", ActivityKind.Consumer)));
        Assert.False(Sampled(new SamplingParameters(droppedParent, traceId, "gateway-metrics-changed receive", ActivityKind.Consumer)));
    }

    private static SamplingParameters Root(ActivityTraceId traceId, string name) => new(default, traceId, name, ActivityKind.Producer);

    private static bool Sampled(SamplingParameters parameters) =>
        Sampler.ShouldSample(parameters).Decision == SamplingDecision.RecordAndSample;

    private static byte[] Bytes(Random random)
    {
        var bytes = new byte[16];
        random.NextBytes(bytes);
        return bytes;
    }
}
