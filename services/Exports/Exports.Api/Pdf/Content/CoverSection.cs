using ExecutiveDashboard.Exports.Pdf.Layout;
using System.Globalization;
using ExecutiveDashboard.Contracts.Dashboard;
using ExecutiveDashboard.Contracts.Metrics;
using NodaTime;
using SkiaSharp;

namespace ExecutiveDashboard.Exports.Pdf.Content;

/// <summary>Page 1's head: the title, what the file covers (scope, timeframe, period) and who generated it when, then
/// a notice naming the sections that could not be fetched.</summary>
internal static class CoverSection
{
    private static readonly IReadOnlyDictionary<string, string> SectionNames = new Dictionary<string, string>
    {
        ["userMetrics"] = "User metrics", ["executionMetrics"] = "Execution metrics", ["businessMetrics"] = "Business metrics",
        ["businessMetrics.activeWorkspaces"] = "Active workspaces", ["agentMetrics"] = "Top agents", ["topUsers"] = "Top users",
        ["mrrMovements"] = "MRR movements", ["activeAlerts"] = "Active alerts", ["goals"] = "Goals", ["trends.execution"] = "Execution trend",
        ["trends.users"] = "User activity trend", ["trends.revenue"] = "Revenue trend", ["trends.errors"] = "Error rate trend",
    };

    public static void Add(PageFlow flow, RenderContext ctx)
    {
        var doc = ctx.Document;
        var data = doc.Overview;
        var facts = new (string Label, string Value)[]
        {
            ("Scope", doc.ScopeLabel),
            ("Timeframe", TimeText.Timeframe(data.Timeframe)),
            ("Period", $"{PeriodStart(data.Period, ctx.Zone)} to {TimeText.Stamped(data.Period.End, ctx.Zone)}"),
        };
        flow.Place(78, (canvas, top) =>
        {
            var x = PageFlow.Margin;
            ctx.Text.DrawTop(canvas, "Executive Dashboard", x, top, TextStyle.Title);
            var factTop = top + 34;
            foreach (var (label, value) in facts)
            {
                ctx.Text.DrawTop(canvas, label.ToUpperInvariant(), x, factTop, TextStyle.ColumnHeader);
                ctx.Text.DrawTop(canvas, value, x, factTop + 11, TextStyle.BodyBold);
                x += Math.Max(ctx.Text.Width(value, TextStyle.BodyBold), 60) + 28;
            }
            ctx.Text.DrawTop(canvas, $"Generated {TimeText.Stamped(doc.GeneratedAt, ctx.Zone)} by {doc.GeneratedBy}{ZoneNote(doc.Reader)}", PageFlow.Margin, top + 62, TextStyle.Label);
            Shapes.Rule(canvas, PageFlow.Margin, PageFlow.PageWidth - PageFlow.Margin, top + 76, Palette.Border);
        });

        var missing = data.Meta.Degraded.Select(s => SectionNames.GetValueOrDefault(s, s)).ToList();
        if (missing.Count == 0) return;
        var text = $"Some sections could not be fetched and are marked unavailable, never shown as zero: {string.Join(", ", missing)}.";
        var style = TextStyle.Body.WithColor(Palette.Warning);
        var lines = ctx.Text.Wrap(text, style, PageFlow.ContentWidth - 20);
        flow.Space(8);
        flow.Place(lines.Count * style.LineHeight + 14, (canvas, top) =>
        {
            Shapes.Card(canvas, new SKRect(PageFlow.Margin, top, PageFlow.Margin + PageFlow.ContentWidth, top + lines.Count * style.LineHeight + 12),
                Palette.WarningFill, Palette.WarningBorder);
            for (var i = 0; i < lines.Count; i++)
                ctx.Text.DrawTop(canvas, lines[i], PageFlow.Margin + 10, top + 6 + i * style.LineHeight, style);
        });
    }

    /// <summary>The start states its own offset only when it differs from the end's: a daylight-saving change lies between.</summary>
    private static string PeriodStart(PeriodRange period, DateTimeZone? zone) =>
        TimeText.Offset(period.Start, zone) == TimeText.Offset(period.End, zone) ? TimeText.Of(period.Start, zone) : TimeText.Stamped(period.Start, zone);

    /// <summary>Names the reader's zone and week start, which the times and the trend buckets follow; nothing without a zone.</summary>
    private static string ZoneNote(ReaderCalendar? reader) => reader?.Zone is { } zone
        ? $" · times in {TimeText.ZoneName(zone)}, weeks from {CultureInfo.InvariantCulture.TextInfo.ToTitleCase(reader.WeekStart.ToWire())}"
        : "";
}
