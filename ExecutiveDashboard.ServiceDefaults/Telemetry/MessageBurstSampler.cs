using OpenTelemetry.Trace;

namespace ExecutiveDashboard.ServiceDefaults.Telemetry;

/// <summary>
/// Traces at most <see cref="PerSecond"/> publishes of each integration event a second, and every other root span (the
/// requests). A message that is rare in use comes in bursts when history is loaded: the
/// 5,000 subscription events of a billing backfill were 3,525 traces of <c>SubscriptionChanged</c> in seconds, each with the
/// gateway's receive and process spans, more than half of the spans the Aspire dashboard took in for an ingest of 300,000
/// runs. Out of bursts every message is traced as before. The ingest path's messages are thinned out before this
/// (<see cref="IngestMessageSampler"/>).
/// </summary>
public sealed class MessageBurstSampler(TimeProvider clock) : Sampler
{
    public const int PerSecond = 10;

    private static readonly SamplingResult Sampled = new(SamplingDecision.RecordAndSample);
    private static readonly SamplingResult Dropped = new(SamplingDecision.Drop);

    private readonly Dictionary<string, (long Second, int Traced)> _windows = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    public override SamplingResult ShouldSample(in SamplingParameters parameters) =>
        IsPublish(parameters.Name) && !TakeBudget(parameters.Name) ? Dropped : Sampled;

    /// <summary>MassTransit names a publish span after its exchange: <c>ExecutiveDashboard.Contracts.IntegrationEvents:SubscriptionChanged send</c>.</summary>
    public static bool IsPublish(string spanName) =>
        spanName.Contains("IntegrationEvents:", StringComparison.Ordinal) && spanName.EndsWith(" send", StringComparison.Ordinal);

    private bool TakeBudget(string publish)
    {
        var second = clock.GetUtcNow().ToUnixTimeSeconds();
        lock (_gate)
        {
            var window = _windows.GetValueOrDefault(publish);
            window = window.Second == second ? window with { Traced = window.Traced + 1 } : (second, 1);
            _windows[publish] = window;
            return window.Traced <= PerSecond;
        }
    }
}
