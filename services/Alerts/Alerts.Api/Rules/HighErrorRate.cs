namespace ExecutiveDashboard.Alerts.Rules;

/// <summary>Last 60 minutes: at least <c>minRuns</c> runs and more than <c>errorRate</c> % of them failed
/// (high), more than <c>criticalErrorRate</c> % (critical). Fewer runs say too little to alarm anyone.</summary>
public sealed class HighErrorRate : AlertRule
{
    public const string RuleName = "high-error-rate";

    public override string Name => RuleName;

    public override string Description => "Last 60 min: at least minRuns runs and an error rate above errorRate % (above criticalErrorRate %: critical)";

    public override IReadOnlyList<RuleParameter> Parameters { get; } =
    [
        new("minRuns", 20, 1, 1_000_000, "runs in the last hour needed before the rate counts"),
        new("errorRate", 10, 0, 100, "error rate in percent above which the alert is high"),
        new("criticalErrorRate", 25, 0, 100, "error rate in percent above which the alert is critical"),
    ];

    public override IEnumerable<KeyValuePair<string, string>> Check(RuleSettings settings)
    {
        if (settings["criticalErrorRate"] < settings["errorRate"])
        {
            yield return new("criticalErrorRate", "must be at least errorRate");
        }
    }

    public override Outcome Evaluate(ScopeSignals signals, RuleSettings settings)
    {
        if (signals.Executions is not { } e)
        {
            return Outcome.NotKnown;
        }
        if (e.RunsLastHour == 0 || e.RunsLastHour < settings["minRuns"])
        {
            return Outcome.Cleared;
        }
        var rate = Percent(e.FailedRunsLastHour, e.RunsLastHour);
        var (severity, threshold) = rate > settings["criticalErrorRate"] ? (Severity.Critical, settings["criticalErrorRate"])
            : rate > settings["errorRate"] ? (Severity.High, settings["errorRate"])
            : (default(Severity?), 0m);
        return severity is null
            ? Outcome.Cleared
            : new Outcome.Firing(severity.Value,
                $"{Pct(rate)} of runs failed in the last hour ({e.FailedRunsLastHour} of {e.RunsLastHour}), above the {Pct(threshold)} threshold.");
    }
}
