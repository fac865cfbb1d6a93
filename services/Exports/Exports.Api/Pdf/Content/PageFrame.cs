using ExecutiveDashboard.Exports.Pdf.Layout;
using SkiaSharp;

namespace ExecutiveDashboard.Exports.Pdf.Content;

/// <summary>Every page's footer: what the file is (scope, asOf) on the left, "Page n of N" on the right.</summary>
internal static class PageFrame
{
    public static void Draw(SKCanvas canvas, RenderContext ctx, int page, int pages)
    {
        var doc = ctx.Document;
        Shapes.Rule(canvas, PageFlow.Margin, PageFlow.PageWidth - PageFlow.Margin, PageFlow.FooterTop, Palette.Border, 0.75f);
        var baseline = PageFlow.FooterTop + 13;
        ctx.Text.Draw(canvas, $"Executive Dashboard · {doc.ScopeLabel} · as of {TimeText.Stamped(doc.Overview.Meta.AsOf, doc.Reader?.Zone)}", PageFlow.Margin, baseline, TextStyle.Small);
        ctx.Text.Draw(canvas, $"Page {page} of {pages}", PageFlow.PageWidth - PageFlow.Margin, baseline, TextStyle.Small, SKTextAlign.Right);
    }
}
