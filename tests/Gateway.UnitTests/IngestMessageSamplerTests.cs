using System.Diagnostics;
using ExecutiveDashboard.ServiceDefaults.Telemetry;
using OpenTelemetry.Trace;

namespace ExecutiveDashboard.Gateway.UnitTests;

/// <summary>The sampler every service traces with (ServiceDefaults): the ingest path's messages 1 in 100, the rest all.</summary>
public sealed class IngestMessageSamplerTests
{
    private static readonly Sampler Sampler = IngestMessageSampler.ForEveryService();

    [Theory]
    [InlineData("ExecutiveDashboard.Contracts.IntegrationEvents:RunsCompleted send")]
    [InlineData("ExecutiveDashboard.Contracts.IntegrationEvents:MetricsChangedBatch send")]
    [InlineData("ExecutiveDashboard.Contracts.IntegrationEvents:MetricsChanged send")]
    [InlineData("ExecutiveDashboard.Contracts.IntegrationEvents:UserActivitiesRecorded send")]
    public void About_one_publish_in_a_hundred_of_the_ingest_path_is_traced(string publish)
    {
        var random = new Random(7);
        var traced = 0;
        for (var i = 0; i < 20_000; i++)
        {
            traced += Sampled(Root(ActivityTraceId.CreateFromBytes(Bytes(random)), publish)) ? 1 : 0;
        }
        Assert.InRange(traced, 100, 300);   // 1 % of 20,000 is 200
    }

    [Theory]
    [InlineData("ExecutiveDashboard.Contracts.IntegrationEvents:AlertTriggered send", ActivityKind.Producer)]
    [InlineData("ExecutiveDashboard.Contracts.IntegrationEvents:SubscriptionChanged send", ActivityKind.Producer)]
    [InlineData("ExecutiveDashboard.Contracts.IntegrationEvents:UserActivityRecorded send", ActivityKind.Producer)]
    [InlineData("POST /api/executions/events", ActivityKind.Server)]
    [InlineData("GET /api/executive/overview", ActivityKind.Server)]
    public void Every_other_root_span_is_traced_requests_and_ingest_batches_included(string name, ActivityKind kind)
    {
        var random = new Random(7);
        for (var i = 0; i < 1_000; i++)
        {
            Assert.True(Sampled(new SamplingParameters(default, ActivityTraceId.CreateFromBytes(Bytes(random)), name, kind)));
        }
    }

    [Fact]
    public void A_consumer_span_follows_the_decision_of_the_publish_it_came_from()
    {
        var traceId = ActivityTraceId.CreateRandom();
        var sampledParent = new ActivityContext(traceId, ActivitySpanId.CreateRandom(), ActivityTraceFlags.Recorded, isRemote: true);
        var droppedParent = new ActivityContext(traceId, ActivitySpanId.CreateRandom(), ActivityTraceFlags.None, isRemote: true);
        Assert.True(Sampled(new SamplingParameters(sampledParent, traceId, "users-runs-completed receive", ActivityKind.Consumer)));
        Assert.False(Sampled(new SamplingParameters(droppedParent, traceId, "users-runs-completed receive", ActivityKind.Consumer)));
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
