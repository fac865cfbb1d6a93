using ExecutiveDashboard.Contracts.Dashboard;
using ExecutiveDashboard.Exports.Files;

namespace ExecutiveDashboard.Exports.UnitTests.Pdf;

/// <summary>Hand-built overviews with known values, and the strings the page would show for them.</summary>
internal static class DashboardFixtures
{
    public static readonly DateTime AsOf = new(2026, 11, 30, 12, 0, 0, DateTimeKind.Utc);
    public static readonly DateTime GeneratedAt = new(2026, 11, 30, 12, 0, 5, DateTimeKind.Utc);

    public static readonly IReadOnlyDictionary<string, MetricInfo> MetricInfo = new Dictionary<string, MetricInfo>
    {
        ["dau"] = new("count", "percent", true, "Distinct users active in the 24 hours before asOf."),
        ["wau"] = new("count", "percent", true, "Distinct users active in the 7 days before asOf."),
        ["mau"] = new("count", "percent", true, "Distinct users active in the 30 days before asOf."),
        ["newUsers"] = new("count", null, true, "Users whose first signup or activity is in the period."),
        ["churnedUsers"] = new("count", null, false, "Users active in the previous period and not in this one."),
        ["activeRate"] = new("percent", null, true, "Users active in the period / users known by asOf × 100."),
        ["totalRuns"] = new("count", "percent", true, "Agent runs completed in the period."),
        ["successfulRuns"] = new("count", null, true, "Runs that succeeded."),
        ["failedRuns"] = new("count", null, false, "Runs that failed."),
        ["successRate"] = new("percent", "pp", true, "Successful runs / all runs × 100; change in percentage points."),
        ["avgRuntime"] = new("seconds", null, false, "Mean of completedAt − startedAt over the period's runs."),
        ["p95Runtime"] = new("seconds", null, false, "95th percentile (continuous) of run runtime, within 1 %."),
        ["totalCreditsUsed"] = new("count", "percent", true, "Credits consumed by the period's runs (usage, never revenue)."),
        ["mrr"] = new("currency", "percent", true, "Monthly value of paid subscriptions active at asOf; change vs period start."),
        ["arr"] = new("currency", null, true, "MRR × 12."),
        ["ltv"] = new("currency", null, true, "ARPA / monthly customer churn (last 30 days)."),
        ["cac"] = new("currency", null, false, "Marketing spend / workspaces whose first paid subscription started in the period."),
        ["ltvCacRatio"] = new("ratio", null, true, "LTV / CAC."),
        ["activeWorkspaces"] = new("count", null, true, "Workspaces with any user activity or run in the period."),
        ["paidWorkspaces"] = new("count", null, true, "Workspaces with a paid subscription active at asOf."),
        ["trialWorkspaces"] = new("count", null, true, "Workspaces in trial at asOf."),
        ["churnRate"] = new("percent", null, false, "Workspaces paid at period start and not at its end / paid at start × 100."),
        ["errorRate"] = new("percent", null, false, "Failed runs / all runs × 100, per trend bucket."),
        ["totalAgents"] = new("count", null, true, "Agents known by asOf."),
        ["activeAgents"] = new("count", null, true, "Agents with a run in the period."),
    };

    public static readonly UserMetrics Users = new(Dau: 12345, DauChange: 12.345, Wau: 45210, WauChange: -4, Mau: 98765, MauChange: 0.01,
        NewUsers: 1520, ChurnedUsers: 87, ActiveRate: 63.25);

    public static readonly ExecutionMetrics Executions = new(TotalRuns: 1_234_567, TotalRunsChange: 8.1, SuccessfulRuns: 1_200_000, FailedRuns: 34_567,
        SuccessRate: 97.2, SuccessRateChange: -1.25, AvgRuntime: 4.2, P95Runtime: 210, TotalCreditsUsed: 456_789.5m, CreditsChange: null);

    public static readonly BusinessMetrics Business = new(Mrr: 48250.4m, MrrChange: 5.5, Arr: 579_004.8m, Ltv: 12_600m, Cac: 84.5m, LtvCacRatio: 3.24,
        ActiveWorkspaces: 312, PaidWorkspaces: 140, TrialWorkspaces: 27, ChurnRate: 2.1);

    public static readonly MrrMovements Movements = new(New: 6200m, Expansion: 1800.5m, Contraction: 950m, Churned: 2400m, Reactivation: 300m);

    /// <summary>A goal on track, one off track, and one set moments ago and not evaluated yet.</summary>
    public static readonly IReadOnlyList<Goal> Goals =
    [
        new("goal-1", "all", "mrr", 60_000m, new DateOnly(2027, 3, 31), 40_000m, 48_250.4m, 61_200.75m, 0.41, "onTrack", AsOf.AddMinutes(-1)),
        new("goal-2", "all", "successRate", 99.5m, new DateOnly(2027, 1, 31), 97m, 97.2m, 97.25m, 0.08, "offTrack", AsOf.AddMinutes(-1)),
        new("goal-3", "all", "paidWorkspaces", 200m, new DateOnly(2027, 6, 30), null, null, null, null, null, null),
    ];

    public static ExecutiveDashboardData Overview(string timeframe = "90d", int points = 90, TimeSpan? step = null, int agents = 10, int users = 10,
        int alerts = 3, IReadOnlyList<string>? degraded = null, IReadOnlyList<Goal>? goals = null)
    {
        var bucket = step ?? TimeSpan.FromDays(1);
        var start = AsOf - points * bucket;
        var stamps = Enumerable.Range(0, points).Select(i => start + i * bucket).ToList();
        var execution = stamps.Select((t, i) => new TimeSeriesPoint(t, 12000 + 800 * Math.Sin(i / 5.0) + 40 * i, null, 11500 + (long)(700 * Math.Sin(i / 5.0)) + 38 * i, 500 + (i % 7) * 20)).ToList();
        var usersTrend = stamps.Select((t, i) => new TimeSeriesPoint(t, 9000 + 1500 * Math.Sin(i / 9.0) + 20 * i)).ToList();
        var revenue = stamps.Select((t, i) => new TimeSeriesPoint(t, 40000 + 100 * (i / 7) * 7)).ToList();
        var errors = stamps.Select((t, i) => new TimeSeriesPoint(t, 2.5 + Math.Sin(i / 4.0))).ToList();
        // Agents 2k − 1 and 2k are the same id and name in two workspaces (ws-1, ws-0), as a platform's copies of one template are.
        var topAgents = Enumerable.Range(1, agents).Select(i => new TopAgent($"agent-{(i + 1) / 2}", $"ws-{i % 2}", $"Agent {(i + 1) / 2:00} invoice reconciler",
            50_000 - i * 1000, 99.5 - i * 0.3, 3.25 + i)).ToList();
        var topUsers = Enumerable.Range(1, users).Select(i => new TopUser($"user-{i}", $"ws-{i % 4}", $"User {i:00} Lovelace", 9_000 - i * 10, 1_500.25m + i, AsOf.AddHours(-i))).ToList();
        string[] severities = ["critical", "high", "medium", "low"];
        var activeAlerts = Enumerable.Range(1, alerts).Select(i => new ActiveAlert($"alert-{i}", $"error_rate_{i:00}",
            $"Error rate {i}.5% above 2% in ws-{i % 4}", severities[i % 4], AsOf.AddMinutes(-15 * i))).ToList();
        var deg = degraded ?? [];
        var data = new ExecutiveDashboardData(timeframe, new PeriodRange(start, AsOf),
            deg.Contains(Sections.UserMetrics) ? UserMetrics.Empty : Users,
            deg.Contains(Sections.ExecutionMetrics) ? ExecutionMetrics.Empty : Executions,
            deg.Contains(Sections.BusinessMetrics) ? BusinessMetrics.Empty with { ActiveWorkspaces = Business.ActiveWorkspaces } : Business,
            deg.Contains(Sections.AgentMetrics) ? AgentMetrics.Empty : new AgentMetrics(42, 17, topAgents),
            new Trends(deg.Contains(Sections.ExecutionTrend) ? [] : execution, deg.Contains(Sections.UsersTrend) ? [] : usersTrend,
                deg.Contains(Sections.RevenueTrend) ? [] : revenue, deg.Contains(Sections.ErrorsTrend) ? [] : errors),
            deg.Contains(Sections.ActiveAlerts) ? [] : activeAlerts,
            deg.Contains(Sections.TopUsers) ? [] : topUsers,
            deg.Contains(Sections.MrrMovements) ? MrrMovements.Empty : Movements,
            new DashboardMeta(AsOf, AsOf, false, deg, [], MetricInfo))
        {
            Goals = deg.Contains(Sections.Goals) ? [] : goals ?? Goals,
        };
        return data;
    }

    public static ExportDocument Document(ExecutiveDashboardData data, string scope = "all", IReadOnlyList<string>? cardOrder = null) =>
        new(data, scope, GeneratedAt, "Ada Admin", cardOrder ?? []);

    public static ExportDocument Platform90Days() => Document(Overview());

    public static ExportDocument Workspace24Hours() =>
        Document(Overview("24h", 24, TimeSpan.FromHours(1), agents: 4, users: 3, alerts: 1, goals: []), "ws-acme", ["mrr", "dau"]);

    public static ExportDocument Degraded() =>
        Document(Overview(degraded: [Sections.BusinessMetrics, Sections.TopUsers, Sections.RevenueTrend, Sections.MrrMovements, Sections.Goals]));

    public static ExportDocument LongTables() => Document(Overview(users: 60, alerts: 60));
}
