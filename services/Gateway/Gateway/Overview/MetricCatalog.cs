using ExecutiveDashboard.Contracts.Dashboard;

namespace ExecutiveDashboard.Gateway.Overview;

/// <summary><c>meta.metricInfo</c>: per metric its unit, the unit of its change and whether higher
/// is better, so that no client guesses a colour from a title (docs/metrics.md).</summary>
public static class MetricCatalog
{
    private const string Count = "count", Currency = "currency", Percent = "percent", Seconds = "seconds", Ratio = "ratio";
    private const string Relative = "percent", Points = "pp";

    public static readonly IReadOnlyDictionary<string, MetricInfo> All = new Dictionary<string, MetricInfo>
    {
        ["dau"] = new(Count, Relative, true, "Distinct users active in the 24 hours before asOf."),
        ["wau"] = new(Count, Relative, true, "Distinct users active in the 7 days before asOf."),
        ["mau"] = new(Count, Relative, true, "Distinct users active in the 30 days before asOf."),
        ["newUsers"] = new(Count, null, true, "Users whose first signup or activity is in the period."),
        ["churnedUsers"] = new(Count, null, false, "Users active in the previous period and not in this one."),
        ["activeRate"] = new(Percent, null, true, "Users active in the period / users known by asOf × 100."),
        ["totalRuns"] = new(Count, Relative, true, "Agent runs completed in the period."),
        ["successfulRuns"] = new(Count, null, true, "Runs that succeeded."),
        ["failedRuns"] = new(Count, null, false, "Runs that failed."),
        ["successRate"] = new(Percent, Points, true, "Successful runs / all runs × 100; change in percentage points."),
        ["avgRuntime"] = new(Seconds, null, false, "Mean of completedAt − startedAt over the period's runs."),
        ["p95Runtime"] = new(Seconds, null, false, "95th percentile (continuous) of run runtime, within 1 %."),
        ["totalCreditsUsed"] = new(Count, Relative, true, "Credits consumed by the period's runs (usage, never revenue)."),
        ["mrr"] = new(Currency, Relative, true, "Monthly value of paid subscriptions active at asOf; change vs period start."),
        ["arr"] = new(Currency, null, true, "MRR × 12."),
        ["ltv"] = new(Currency, null, true, "ARPA / monthly customer churn (last 30 days)."),
        ["cac"] = new(Currency, null, false, "Marketing spend / workspaces whose first paid subscription started in the period."),
        ["ltvCacRatio"] = new(Ratio, null, true, "LTV / CAC."),
        ["activeWorkspaces"] = new(Count, null, true, "Workspaces with any user activity or run in the period."),
        ["paidWorkspaces"] = new(Count, null, true, "Workspaces with a paid subscription active at asOf."),
        ["trialWorkspaces"] = new(Count, null, true, "Workspaces in trial at asOf."),
        ["churnRate"] = new(Percent, null, false, "Workspaces paid at period start and not at its end / paid at start × 100."),
        ["errorRate"] = new(Percent, null, false, "Failed runs / all runs × 100, per trend bucket."),
        ["totalAgents"] = new(Count, null, true, "Agents known by asOf."),
        ["activeAgents"] = new(Count, null, true, "Agents with a run in the period."),
    };
}
