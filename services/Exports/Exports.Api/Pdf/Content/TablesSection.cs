using ExecutiveDashboard.Contracts.Dashboard;
using ExecutiveDashboard.Contracts.Metrics;
using ExecutiveDashboard.Exports.Pdf.Formatting;
using ExecutiveDashboard.Exports.Pdf.Layout;
using SkiaSharp;

namespace ExecutiveDashboard.Exports.Pdf.Content;

/// <summary>Top agents, top users and active alerts, with the page's columns and formats; times are absolute UTC
/// (a file outlives "3 hours ago").</summary>
internal static class TablesSection
{
    private static readonly IReadOnlyDictionary<string, (SKColor Fill, SKColor Text)> Severity = new Dictionary<string, (SKColor, SKColor)>
    {
        ["critical"] = (SKColor.Parse("#dc2626"), SKColors.White),
        ["high"] = (SKColor.Parse("#f97316"), SKColors.White),
        ["medium"] = (SKColor.Parse("#fcd34d"), SKColor.Parse("#451a03")),
        ["low"] = (SKColor.Parse("#e2e8f0"), SKColor.Parse("#1e293b")),
    };

    private static readonly TableColumn Workspace = new("Workspace", 2.2f);

    public static void Add(PageFlow flow, RenderContext ctx)
    {
        var data = ctx.Document.Overview;
        var platform = ctx.Document.Scope == Scopes.Platform;
        PdfTable.Add(flow, ctx, "Top agents", Sections.AgentMetrics,
            NamedRow<TableColumn>(platform, new("Agent", 4), Workspace, new("Runs", 1.4f, true), new("Success", 1.4f, true), new("Avg runtime", 1.6f, true)),
            [.. data.AgentMetrics.TopAgents.Select(a => NamedRow<TableCell>(platform, a.Name ?? a.Id, a.WorkspaceId,
                MetricFormat.Count(a.Runs), MetricFormat.Percent(a.SuccessRate), MetricFormat.Seconds(a.AvgRuntime)))],
            "No runs in this period.");

        PdfTable.Add(flow, ctx, "Top users", Sections.TopUsers,
            NamedRow<TableColumn>(platform, new("User", 3), Workspace, new("Runs", 1.2f, true), new("Credits", 1.3f, true), new("Last active", 2.4f)),
            [.. data.TopUsers.Select(u => NamedRow<TableCell>(platform, u.Name ?? u.Id, u.WorkspaceId,
                MetricFormat.Count(u.Runs), MetricFormat.Count((double)u.CreditsUsed), u.LastActiveAt is { } at ? TimeText.Stamped(at, ctx.Zone) : MetricFormat.NotAvailable))],
            "No runs in this period.");

        PdfTable.Add(flow, ctx, "Active alerts", Sections.ActiveAlerts,
            [new("Severity", 1.3f), new("Alert", 2f), new("Message", 4.6f), new("Since", 2.5f)],
            [.. data.ActiveAlerts.Select(a =>
            {
                var (fill, text) = Severity.GetValueOrDefault(a.Severity, Severity["low"]);
                return (IReadOnlyList<TableCell>)[new TableCell(a.Severity, Badge: fill, BadgeText: text), new TableCell(a.Type, Bold: true), a.Message, TimeText.Stamped(a.TriggeredAt, ctx.Zone)];
            })],
            "No active alerts.");
    }

    /// <summary>A row (or header) of a table of agents or users: at the platform scope the workspace follows the name,
    /// since ids and names repeat across workspaces; a workspace's file names it on the cover and in each footer.</summary>
    private static IReadOnlyList<T> NamedRow<T>(bool platform, T name, T workspace, params IEnumerable<T> rest) =>
        platform ? [name, workspace, .. rest] : [name, .. rest];
}
