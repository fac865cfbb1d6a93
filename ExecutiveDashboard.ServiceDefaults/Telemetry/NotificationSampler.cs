using ExecutiveDashboard.Contracts.IntegrationEvents;
using OpenTelemetry.Trace;

namespace ExecutiveDashboard.ServiceDefaults.Telemetry;

/// <summary>
/// Traces every operation except 99 in 100 of the <see cref="MetricsChanged"/> notifications. A batch of 1,000 runs
/// sends one per workspace it touched, hundreds: during a backfill that was thousands of spans a second, which the
/// services spent CPU exporting and the Aspire dashboard spent minutes ingesting after the backfill ended. One in a
/// hundred still shows them; the MassTransit metrics still count them all. Their <see cref="MetricsChangedBatch"/>,
/// one per outbox round and what the gateway and the alerts service consume, is traced whole. Applies to root spans
/// (the outbox publishes them outside any request); the consumers' spans follow their publish's decision
/// (<see cref="ParentBasedSampler"/>), so a notification is traced whole or not at all.
/// </summary>
public sealed class NotificationSampler : Sampler
{
    public const double NotificationRatio = 0.01;

    private static readonly Sampler Notifications = new TraceIdRatioBasedSampler(NotificationRatio);
    private static readonly SamplingResult Sampled = new(SamplingDecision.RecordAndSample);

    /// <summary>Background loops' rounds are never exported (<see cref="LoopRoundSampler"/>), notifications are thinned out,
    /// every other root is traced, and children follow their parent.</summary>
    public static Sampler ForEveryService() => new ParentBasedSampler(new LoopRoundSampler(new NotificationSampler()));

    public override SamplingResult ShouldSample(in SamplingParameters parameters) =>
        IsNotification(parameters.Name) ? Notifications.ShouldSample(parameters) : Sampled;

    /// <summary>MassTransit names a publish span after its exchange, e.g.
    /// <c>ExecutiveDashboard.Contracts.IntegrationEvents:MetricsChanged send</c> (its tags come after the sampling).</summary>
    public static bool IsNotification(string spanName) =>
        spanName.Contains(":" + nameof(MetricsChanged) + " ", StringComparison.Ordinal);
}
