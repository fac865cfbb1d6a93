using ExecutiveDashboard.Contracts.IntegrationEvents;
using OpenTelemetry.Trace;

namespace ExecutiveDashboard.ServiceDefaults.Telemetry;

/// <summary>
/// Traces every operation except 99 in 100 of the messages every ingest batch sends: the <see cref="RunsCompleted"/> the
/// users service and the gateway consume, the <see cref="MetricsChangedBatch"/> of each outbox round that the gateway and
/// the alerts service consume, and the <see cref="MetricsChanged"/> and <see cref="UserActivitiesRecorded"/> for the
/// platform's other consumers. During a backfill they are several traces per batch of 1,000 runs, each with its
/// consumers' SQL and Redis spans, that the services spent CPU exporting and the Aspire dashboard ingesting while the
/// same two cores ingested the runs. One in a hundred still shows them; the MassTransit metrics still count them all.
/// Requests (an ingest batch included) and failures stay traced whole, and so do rare messages (alerts, subscriptions,
/// exports) up to <see cref="MessageBurstSampler.PerSecond"/> a second of each.
/// Applies to root spans (the outbox publishes outside any request); the consumers' spans follow their publish's
/// decision (<see cref="ParentBasedSampler"/>), so a message is traced whole or not at all.
/// </summary>
public sealed class IngestMessageSampler(Sampler others) : Sampler
{
    public const double MessageRatio = 0.01;

    /// <summary>The ingest path's messages, by the name of their type (the exchange MassTransit publishes them to).</summary>
    public static readonly IReadOnlyList<string> MessageTypes =
        [nameof(RunsCompleted), nameof(MetricsChangedBatch), nameof(MetricsChanged), nameof(UserActivitiesRecorded)];

    private static readonly string[] SpanNameParts = MessageTypes.Select(type => ":" + type + " ").ToArray();
    private static readonly Sampler Messages = new TraceIdRatioBasedSampler(MessageRatio);

    /// <summary>Background loops' rounds are never exported (<see cref="LoopRoundSampler"/>), the ingest path's messages
    /// are thinned out, bursts of any message are cut to <see cref="MessageBurstSampler.PerSecond"/> a second, every other
    /// root is traced, and children follow their parent.</summary>
    public static Sampler ForEveryService(TimeProvider clock) =>
        new ParentBasedSampler(new LoopRoundSampler(new IngestMessageSampler(new MessageBurstSampler(clock))));

    public override SamplingResult ShouldSample(in SamplingParameters parameters) =>
        IsIngestMessage(parameters.Name) ? Messages.ShouldSample(parameters) : others.ShouldSample(parameters);

    /// <summary>MassTransit names a publish span after its exchange, e.g.
    /// <c>ExecutiveDashboard.Contracts.IntegrationEvents:RunsCompleted send</c> (its tags come after the sampling).</summary>
    public static bool IsIngestMessage(string spanName) =>
        SpanNameParts.Any(part => spanName.Contains(part, StringComparison.Ordinal));
}
