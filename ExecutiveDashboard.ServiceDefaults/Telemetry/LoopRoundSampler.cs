using OpenTelemetry.Trace;

namespace ExecutiveDashboard.ServiceDefaults.Telemetry;

/// <summary>
/// Records the round of a background loop (<see cref="LoopRounds"/>) without sampling it, and leaves every other root span
/// to <paramref name="inner"/>. Under a <see cref="ParentBasedSampler"/> a round's children are then dropped, and its calls
/// to other services carry the "not sampled" flag, so their server spans are dropped too: a poll leaves no trace anywhere.
/// </summary>
public sealed class LoopRoundSampler(Sampler inner) : Sampler
{
    private static readonly SamplingResult Unsampled = new(SamplingDecision.RecordOnly);

    public override SamplingResult ShouldSample(in SamplingParameters parameters) =>
        IsRound(parameters) ? Unsampled : inner.ShouldSample(parameters);

    private static bool IsRound(in SamplingParameters parameters)
    {
        if (parameters.Tags is null)
        {
            return false;
        }
        foreach (var tag in parameters.Tags)
        {
            if (tag.Key == LoopRounds.LoopTag)
            {
                return true;
            }
        }
        return false;
    }
}
