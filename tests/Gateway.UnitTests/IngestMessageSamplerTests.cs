using System.Diagnostics;
using Microsoft.Extensions.Time.Testing;
using ExecutiveDashboard.ServiceDefaults.Telemetry;
using OpenTelemetry.Trace;

namespace ExecutiveDashboard.Gateway.UnitTests;

/// <summary>The sampler every service traces with (ServiceDefaults): the ingest path's messages 1 in 100, other messages
/// all but the excess of a burst, requests all.</summary>
public sealed class IngestMessageSamplerTests
{
    private static readonly Sampler Sampler = IngestMessageSampler.ForEveryService(TimeProvider.System);

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
    [InlineData("POST /api/executions/events", ActivityKind.Server)]
    [InlineData("GET /api/executive/overview", ActivityKind.Server)]
    public void Every_request_is_traced_ingest_batches_included_however_many_at_once(string name, ActivityKind kind)
    {
        var random = new Random(7);
        for (var i = 0; i < 1_000; i++)
        {
            Assert.True(Sampled(new SamplingParameters(default, ActivityTraceId.CreateFromBytes(Bytes(random)), name, kind)));
        }
    }

    [Theory]
    [InlineData("ExecutiveDashboard.Contracts.IntegrationEvents:AlertTriggered send")]
    [InlineData("ExecutiveDashboard.Contracts.IntegrationEvents:SubscriptionChanged send")]
    [InlineData("ExecutiveDashboard.Contracts.IntegrationEvents:UserActivityRecorded send")]
    public void Other_messages_are_all_traced_at_a_steady_pace_and_ten_a_second_of_a_burst(string publish)
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 6, 12, 0, 0, TimeSpan.Zero));
        var sampler = IngestMessageSampler.ForEveryService(clock);
        var random = new Random(7);
        int TracedOf(int publishes) =>
            Enumerable.Range(0, publishes).Count(_ => sampler.ShouldSample(Root(ActivityTraceId.CreateFromBytes(Bytes(random)), publish)).Decision
                == SamplingDecision.RecordAndSample);

        // Five a second for a minute: every one.
        for (var second = 0; second < 60; second++)
        {
            Assert.Equal(5, TracedOf(5));
            clock.Advance(TimeSpan.FromSeconds(1));
        }
        // A backfill's 3,000 within a second, then as many the next: ten of each second.
        Assert.Equal(10, TracedOf(3_000));
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(10, TracedOf(3_000));
        // Another message's budget is its own, and a request is never limited.
        Assert.Equal(10, TracedOf(0) + Enumerable.Range(0, 20).Count(_ => sampler.ShouldSample(
            Root(ActivityTraceId.CreateFromBytes(Bytes(random)), "ExecutiveDashboard.Contracts.IntegrationEvents:ExportGenerated send")).Decision
            == SamplingDecision.RecordAndSample));
        Assert.True(sampler.ShouldSample(new SamplingParameters(default, ActivityTraceId.CreateRandom(), "POST /api/billing/events", ActivityKind.Server))
            .Decision == SamplingDecision.RecordAndSample);
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
