namespace ExecutiveDashboard.Alerts.Rules;

/// <summary>The p95 runtime of the last 24 h is at least <c>factor</c> × that of the 24 h before. Guard: both days
/// need runs (a p95), and the day before a p95 above 0.</summary>
public sealed class SlowRuns : AlertRule
{
    public const string RuleName = "slow-runs";

    public override string Name => RuleName;

    public override string Description => "Last 24 h p95 runtime at least factor × the p95 of the 24 h before";

    public override IReadOnlyList<RuleParameter> Parameters { get; } =
    [
        new("factor", 1.5m, 1, 100, "how many times the previous p95 the last one must reach"),
    ];

    public override Outcome Evaluate(ScopeSignals signals, RuleSettings settings)
    {
        if (signals.Executions is not { } e)
        {
            return Outcome.NotKnown;
        }
        if (e.P95RuntimeLast24h is not { } current || e.P95RuntimePrevious24h is not { } previous || previous <= 0)
        {
            return Outcome.Cleared;
        }
        var (now, before) = ((decimal)current, (decimal)previous);
        return now >= settings["factor"] * before
            ? new Outcome.Firing(Severity.Low,
                $"p95 runtime {Number(now)} s in the last 24 h, {Number(Math.Round(now / before, 2))}× the {Number(before)} s of the 24 h before.")
            : Outcome.Cleared;
    }
}
