using ExecutiveDashboard.Exports.Pdf.Kpis;
using ExecutiveDashboard.Exports.Pdf.Layout;

namespace ExecutiveDashboard.Exports.Pdf.Content;

/// <summary>The last section: every metric of <c>meta.metricInfo</c> with its definition, unit and which way is good,
/// so that the file explains itself away from the page's tooltips.</summary>
internal static class DefinitionsSection
{
    public static void Add(PageFlow flow, RenderContext ctx)
    {
        var info = ctx.Document.Overview.Meta.MetricInfo;
        PdfTable.Add(flow, ctx, "Definitions", null,
            [new("Metric", 2.6f), new("Definition", 5.7f), new("Unit", 2.3f), new("Better", 0.9f)],
            [.. info.Select(kv => (IReadOnlyList<TableCell>)
                [new TableCell(MetricNames.Of(kv.Key), Bold: true), kv.Value.Description, Unit(kv.Value.Unit, kv.Value.ChangeUnit), kv.Value.HigherIsBetter ? "Higher" : "Lower"])],
            "No definitions.");
    }

    private static string Unit(string unit, string? changeUnit) => changeUnit switch
    {
        "pp" => $"{unit}, change pp",
        null => unit,
        _ => $"{unit}, change %",
    };
}
