using ExecutiveDashboard.Contracts.Dashboard;

namespace ExecutiveDashboard.Exports.Pdf.Kpis;

/// <summary>Every KPI of userMetrics, executionMetrics, agentMetrics and businessMetrics, grouped as the page's cards
/// (web/src/lib/cards.ts, same ids, titles and extras): each one is on a card, as its value or an extra.</summary>
public static class KpiCards
{
    /// <summary>Used only if metricInfo lacks a key: the page's fallback.</summary>
    private static readonly MetricInfo Fallback = new("count", null, true, "");

    /// <summary>The page's cards in its default order.</summary>
    public static readonly IReadOnlyList<string> DefaultOrder =
        ["dau", "totalRuns", "successRate", "credits", "activeWorkspaces", "mrr", "churn", "ltvCac", "p95Runtime", "newUsers", "agents"];

    /// <summary>The cards: those of <paramref name="cardOrder"/> first, in that order, then the others in the default order.</summary>
    public static IReadOnlyList<KpiCard> Cards(ExecutiveDashboardData d, IReadOnlyList<string> cardOrder)
    {
        var line = Lines(d);
        var u = d.UserMetrics; var e = d.ExecutionMetrics; var b = d.BusinessMetrics; var a = d.AgentMetrics;
        var cards = new Dictionary<string, KpiCard>
        {
            ["dau"] = new("dau", line("Daily active users", "dau", u.Dau, u.DauChange, Sections.UserMetrics),
                [line("WAU", "wau", u.Wau, u.WauChange, Sections.UserMetrics), line("MAU", "mau", u.Mau, u.MauChange, Sections.UserMetrics)]),
            ["totalRuns"] = new("totalRuns", line("Total executions", "totalRuns", e.TotalRuns, e.TotalRunsChange, Sections.ExecutionMetrics),
                [line("Successful", "successfulRuns", e.SuccessfulRuns, null, Sections.ExecutionMetrics), line("Failed", "failedRuns", e.FailedRuns, null, Sections.ExecutionMetrics)]),
            ["successRate"] = new("successRate", line("Success rate", "successRate", e.SuccessRate, e.SuccessRateChange, Sections.ExecutionMetrics), []),
            ["credits"] = new("credits", line("Credits used", "totalCreditsUsed", (double?)e.TotalCreditsUsed, e.CreditsChange, Sections.ExecutionMetrics), []),
            ["activeWorkspaces"] = new("activeWorkspaces", line("Active workspaces", "activeWorkspaces", b.ActiveWorkspaces, null, Sections.ActiveWorkspaces),
                [line("Paid", "paidWorkspaces", b.PaidWorkspaces, null, Sections.BusinessMetrics), line("Trial", "trialWorkspaces", b.TrialWorkspaces, null, Sections.BusinessMetrics)]),
            ["mrr"] = new("mrr", line("MRR", "mrr", (double?)b.Mrr, b.MrrChange, Sections.BusinessMetrics), [line("ARR", "arr", (double?)b.Arr, null, Sections.BusinessMetrics)]),
            ["churn"] = new("churn", line("Churn rate", "churnRate", b.ChurnRate, null, Sections.BusinessMetrics), []),
            ["ltvCac"] = new("ltvCac", line("LTV : CAC", "ltvCacRatio", b.LtvCacRatio, null, Sections.BusinessMetrics),
                [line("LTV", "ltv", (double?)b.Ltv, null, Sections.BusinessMetrics), line("CAC", "cac", (double?)b.Cac, null, Sections.BusinessMetrics)]),
            ["p95Runtime"] = new("p95Runtime", line("p95 runtime", "p95Runtime", e.P95Runtime, null, Sections.ExecutionMetrics),
                [line("Average", "avgRuntime", e.AvgRuntime, null, Sections.ExecutionMetrics)]),
            ["newUsers"] = new("newUsers", line("New users", "newUsers", u.NewUsers, null, Sections.UserMetrics),
                [line("Churned users", "churnedUsers", u.ChurnedUsers, null, Sections.UserMetrics), line("Active rate", "activeRate", u.ActiveRate, null, Sections.UserMetrics)]),
            ["agents"] = new("agents", line("Active agents", "activeAgents", a.ActiveAgents, null, Sections.AgentMetrics),
                [line("Total agents", "totalAgents", a.TotalAgents, null, Sections.AgentMetrics)]),
        };
        return cardOrder.Where(cards.ContainsKey).Concat(DefaultOrder).Distinct().Select(id => cards[id]).ToList();
    }

    public static MetricInfo Info(ExecutiveDashboardData d, string key) => d.Meta.MetricInfo.GetValueOrDefault(key) ?? Fallback;

    /// <summary>A line maker: <c>change</c> is present (maybe null) only for metrics whose metricInfo has a change unit.</summary>
    private static Func<string, string, double?, double?, string, KpiLine> Lines(ExecutiveDashboardData d)
    {
        var degraded = d.Meta.Degraded.ToHashSet();
        return (label, key, value, change, section) =>
        {
            var info = Info(d, key);
            return new KpiLine(label, value, info, info.ChangeUnit is not null, change, degraded.Contains(section));
        };
    }
}
