using ExecutiveDashboard.Contracts.Dashboard;
using ExecutiveDashboard.Exports.Pdf.Formatting;
using ExecutiveDashboard.Exports.Pdf.Layout;
using SkiaSharp;

namespace ExecutiveDashboard.Exports.Pdf.Content;

/// <summary>The scope's goals as the page's cards show them: the metric, its target and due day, the value now, where the
/// trend of the last 30 days leads by that day, the progress from the baseline, and the status as a coloured pill.</summary>
internal static class GoalsSection
{
    private static readonly IReadOnlyDictionary<string, (string Label, SKColor Fill, SKColor Text)> Status = new Dictionary<string, (string, SKColor, SKColor)>
    {
        ["met"] = ("met", SKColor.Parse("#047857"), SKColors.White),
        ["onTrack"] = ("on track", SKColor.Parse("#047857"), SKColors.White),
        ["atRisk"] = ("at risk", SKColor.Parse("#fcd34d"), SKColor.Parse("#451a03")),
        ["offTrack"] = ("off track", SKColor.Parse("#b91c1c"), SKColors.White),
    };

    private static readonly IReadOnlyDictionary<string, string> Labels = new Dictionary<string, string>
    {
        ["mrr"] = "MRR", ["arr"] = "ARR", ["runs"] = "Runs (30 days)", ["successRate"] = "Success rate (30 days)",
        ["paidWorkspaces"] = "Paid workspaces", ["dau"] = "Daily active users (DAU)",
    };

    public static void Add(PageFlow flow, RenderContext ctx) =>
        PdfTable.Add(flow, ctx, "Goals", Sections.Goals,
            [new("Metric", 3.2f), new("Target", 1.5f, true), new("Due", 1.5f), new("Current", 1.5f, true), new("Projected", 1.5f, true),
             new("Progress", 1.2f, true), new("Status", 1.7f)],
            [.. ctx.Document.Overview.Goals.Select(g =>
            {
                var (label, fill, text) = g.Status is { } s && Status.TryGetValue(s, out var known) ? known : ("pending", SKColor.Parse("#e2e8f0"), SKColor.Parse("#1e293b"));
                return (IReadOnlyList<TableCell>)[new TableCell(Labels.GetValueOrDefault(g.Metric, g.Metric), Bold: true),
                    Format(g.Metric, g.Target), g.TargetDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                    Format(g.Metric, g.Current), Format(g.Metric, g.Projected), MetricFormat.Percent(g.Progress * 100, 0),
                    new TableCell(label, Badge: fill, BadgeText: text)];
            })],
            "No goals set for this scope.");

    private static string Format(string metric, decimal? value) => metric switch
    {
        "mrr" or "arr" => MetricFormat.Currency((double?)value),
        "successRate" => MetricFormat.Percent((double?)value),
        _ => MetricFormat.Count((double?)value),
    };
}
