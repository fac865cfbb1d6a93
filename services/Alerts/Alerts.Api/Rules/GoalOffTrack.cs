using ExecutiveDashboard.Alerts.Goals;
using ExecutiveDashboard.Contracts.Dashboard;

namespace ExecutiveDashboard.Alerts.Rules;

/// <summary>A goal of the scope is off track: its projection does not get <see cref="GoalProjection.AtRiskShare"/> of the way
/// to its target by its date, or the date passed unmet. One alert per scope, however many goals are off track; it resolves
/// when none is (back on track or at risk, met, or deleted). Goals not read this round: unknown.</summary>
public sealed class GoalOffTrack : AlertRule
{
    public const string RuleName = "goal-off-track";

    public override string Name => RuleName;

    public override string Description => "A goal's projection falls short of 90 % of the way from its baseline to its target by its date";

    public override IReadOnlyList<RuleParameter> Parameters { get; } = [];

    public override Outcome Evaluate(ScopeSignals signals, RuleSettings settings)
    {
        if (signals.Goals is not { } goals)
        {
            return Outcome.NotKnown;
        }
        var off = goals.Where(g => g.Status == GoalStatuses.OffTrack).ToList();
        return off.Count == 0
            ? Outcome.Cleared
            : new Outcome.Firing(Severity.Medium, string.Join(" ", off.Select(Describe)));
    }

    private static string Describe(Goal g)
    {
        var format = g.Metric is GoalMetric.Mrr or GoalMetric.Arr ? (Func<decimal, string>)Money
            : g.Metric == GoalMetric.SuccessRate ? Pct : Number;
        var projected = g.Projected is { } p ? $"projected {format(p)}" : $"at {format(g.Current ?? 0)}";
        return $"{GoalMetric.Find(g.Metric)?.Label ?? g.Metric} goal off track: {projected} by {g.TargetDate:yyyy-MM-dd} against a target of {format(g.Target)}.";
    }
}
