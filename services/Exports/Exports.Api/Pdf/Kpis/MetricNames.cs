namespace ExecutiveDashboard.Exports.Pdf.Kpis;

/// <summary>What the definitions call each key of <c>meta.metricInfo</c>; a key missing here is shown as itself.</summary>
public static class MetricNames
{
    private static readonly IReadOnlyDictionary<string, string> Names = new Dictionary<string, string>
    {
        ["dau"] = "Daily active users (DAU)", ["wau"] = "Weekly active users (WAU)", ["mau"] = "Monthly active users (MAU)",
        ["newUsers"] = "New users", ["churnedUsers"] = "Churned users", ["activeRate"] = "Active rate",
        ["totalRuns"] = "Total executions", ["successfulRuns"] = "Successful runs", ["failedRuns"] = "Failed runs",
        ["successRate"] = "Success rate", ["avgRuntime"] = "Average runtime", ["p95Runtime"] = "p95 runtime",
        ["totalCreditsUsed"] = "Credits used", ["mrr"] = "MRR", ["arr"] = "ARR", ["ltv"] = "LTV", ["cac"] = "CAC",
        ["ltvCacRatio"] = "LTV : CAC", ["activeWorkspaces"] = "Active workspaces", ["paidWorkspaces"] = "Paid workspaces",
        ["trialWorkspaces"] = "Trial workspaces", ["churnRate"] = "Churn rate", ["errorRate"] = "Error rate",
        ["totalAgents"] = "Total agents", ["activeAgents"] = "Active agents",
    };

    public static string Of(string key) => Names.GetValueOrDefault(key, key);
}
