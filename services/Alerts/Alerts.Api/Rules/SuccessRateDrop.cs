namespace ExecutiveDashboard.Alerts.Rules;

/// <summary>The success rate of the last 24 h is at least <c>dropPoints</c> percentage points below that of the
/// 24 h before. Guard: both days need at least <c>minRuns</c> runs; without a previous day there is nothing to drop from.</summary>
public sealed class SuccessRateDrop : AlertRule
{
    public const string RuleName = "success-rate-drop";

    public override string Name => RuleName;

    public override string Description => "Last 24 h success rate at least dropPoints percentage points below the 24 h before";

    public override IReadOnlyList<RuleParameter> Parameters { get; } =
    [
        new("dropPoints", 10, 0.01m, 100, "drop in percentage points that raises the alert"),
        new("minRuns", 1, 1, 1_000_000, "runs each of the two days needs before they are compared"),
    ];

    public override Outcome Evaluate(ScopeSignals signals, RuleSettings settings)
    {
        if (signals.Executions is not { } e)
        {
            return Outcome.NotKnown;
        }
        var minRuns = Math.Max(1, settings["minRuns"]);
        if (e.RunsLast24h < minRuns || e.RunsPrevious24h < minRuns)
        {
            return Outcome.Cleared;
        }
        var current = Percent(e.SucceededLast24h, e.RunsLast24h);
        var previous = Percent(e.SucceededPrevious24h, e.RunsPrevious24h);
        var drop = previous - current;
        return drop >= settings["dropPoints"]
            ? new Outcome.Firing(Severity.Medium,
                $"Success rate fell {Number(drop)} points in 24 h: {Pct(current)} in the last 24 h against {Pct(previous)} the 24 h before.")
            : Outcome.Cleared;
    }
}
