using ExecutiveDashboard.Contracts.Dashboard;
using ExecutiveDashboard.Exports.Pdf.Layout;
using SkiaSharp;

namespace ExecutiveDashboard.Exports.Pdf.Annotations;

/// <summary>The period's annotations as a numbered list under the trends: the charts mark each with its number, and a
/// reader of the file (who cannot hover) finds its time, kind and text here. Left out when there are none.</summary>
internal static class AnnotationsSection
{
    public static void Add(PageFlow flow, RenderContext ctx)
    {
        var annotations = ctx.Document.Overview.Annotations;
        if (annotations.Count == 0 && !ctx.IsDegraded(Sections.Annotations))
        {
            return;
        }
        PdfTable.Add(flow, ctx, "Annotations", Sections.Annotations,
            [new("#", 0.5f), new("Time", 3f), new("Kind", 3.4f), new("Note", 5.6f)],
            [.. annotations.Select((a, i) => (IReadOnlyList<TableCell>)
            [
                new TableCell(Number(i), Badge: AnnotationStyle.Color(a.Kind), BadgeText: SKColors.White),
                TimeText.Stamped(a.At, ctx.Zone), new TableCell(AnnotationStyle.Label(a), Bold: true), a.Text,
            ])],
            "No annotations in this period.");
    }

    /// <summary>The number of the <paramref name="index"/>th annotation, on its chart markers and in the list.</summary>
    public static string Number(int index) => (index + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
}
