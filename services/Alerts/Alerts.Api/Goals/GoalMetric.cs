namespace ExecutiveDashboard.Alerts.Goals;

/// <summary>
/// A metric a goal can name: what its value is at an instant, as the dashboard shows it, and the bounds of a target.
/// Every one is higher-is-better (a goal to reduce one is not offered), so a value at or above the target meets it.
/// </summary>
/// <param name="Whole">Counts take whole-number targets; money and rates up to two decimals.</param>
/// <param name="Label">How people read it (alert messages).</param>
public sealed record GoalMetric(string Name, string Label, decimal MaxTarget, bool Whole, Func<GoalHistory, IReadOnlyList<DailyValue>?> Daily)
{
    public const string Mrr = "mrr", Arr = "arr", Runs = "runs", SuccessRate = "successRate", PaidWorkspaces = "paidWorkspaces", Dau = "dau";

    /// <summary>MRR, ARR (12 × MRR) and paid workspaces at each instant, as the overview's business metrics count them;
    /// runs in the 30 days before each instant (a monthly run volume, the 30d overview's total runs); the success rate
    /// of those runs in percent (none: no value that day); the daily active users at each instant (distinct users active in
    /// the day before it, the overview's dau), whose targets are bounded like paid workspaces'.</summary>
    public static readonly IReadOnlyList<GoalMetric> All =
    [
        new(Mrr, "MRR", 1_000_000_000_000m, false, h => h.Billing?.Select(d => new DailyValue(d.At, d.Mrr)).ToList()),
        new(Arr, "ARR", 12_000_000_000_000m, false, h => h.Billing?.Select(d => new DailyValue(d.At, d.Mrr * 12)).ToList()),
        new(Runs, "Runs in 30 days", 1_000_000_000_000m, true, h => h.Runs?.Select(w => new DailyValue(w.End, w.Runs)).ToList()),
        new(SuccessRate, "Success rate", 100m, false, h => h.Runs?.Where(w => w.Runs > 0).Select(w => new DailyValue(w.End, w.Succeeded * 100m / w.Runs)).ToList()),
        new(PaidWorkspaces, "Paid workspaces", 1_000_000_000m, true, h => h.Billing?.Select(d => new DailyValue(d.At, d.PaidWorkspaces)).ToList()),
        new(Dau, "DAU", 1_000_000_000m, true, h => h.ActiveUsers?.Select(d => new DailyValue(d.At, d.Dau)).ToList()),
    ];

    public static GoalMetric? Find(string? name) => All.FirstOrDefault(m => m.Name == name);

    public static string Names => string.Join(", ", All.Select(m => m.Name));
}
