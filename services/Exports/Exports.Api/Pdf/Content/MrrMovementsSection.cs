using ExecutiveDashboard.Contracts.Dashboard;
using ExecutiveDashboard.Exports.Pdf.Formatting;
using ExecutiveDashboard.Exports.Pdf.Layout;
using SkiaSharp;

namespace ExecutiveDashboard.Exports.Pdf.Content;

/// <summary>The period's MRR movements as a small diverging bar chart with every number written out: gains to the
/// right in green, losses to the left in red, and the net, which docs/metrics.md defines as
/// new + expansion + reactivation − contraction − churned.</summary>
internal static class MrrMovementsSection
{
    private const float RowHeight = 17, Pad = 10;

    public static void Add(PageFlow flow, RenderContext ctx)
    {
        var m = ctx.Document.Overview.MrrMovements;
        var rows = new (string Label, double? Amount, bool Net)[]
        {
            ("New", (double?)m.New, false),
            ("Expansion", (double?)m.Expansion, false),
            ("Reactivation", (double?)m.Reactivation, false),
            ("Contraction", -(double?)m.Contraction, false),
            ("Churned", -(double?)m.Churned, false),
            ("Net MRR change", (double?)Net(m), true),
        };
        var height = ctx.IsDegraded(Sections.MrrMovements) ? 48 : rows.Length * RowHeight + 2 * Pad;
        SectionHeading.Add(flow, ctx, "MRR movements", height + 4);
        flow.Place(height + 4, (canvas, top) =>
        {
            var rect = new SKRect(PageFlow.Margin, top, PageFlow.Margin + PageFlow.ContentWidth, top + height);
            if (ctx.IsDegraded(Sections.MrrMovements))
            {
                UnavailableBox.Draw(canvas, ctx, rect);
                return;
            }
            Shapes.Card(canvas, rect);
            var labelRight = rect.Left + Pad + 110;
            var valueRight = rect.Right - Pad;
            var barLeft = labelRight + 10;
            var barRight = valueRight - 90;
            var zero = (barLeft + barRight) / 2;
            var scale = rows.Max(r => Math.Abs(r.Amount ?? 0)) is var max and > 0 ? (barRight - zero) / max : 0;
            for (var i = 0; i < rows.Length; i++)
            {
                var (label, amount, net) = rows[i];
                var rowTop = rect.Top + Pad + i * RowHeight;
                var baseline = rowTop + 11.5f;
                var style = net ? TextStyle.BodyBold : TextStyle.Body;
                if (net) Shapes.Rule(canvas, rect.Left + Pad, rect.Right - Pad, rowTop, Palette.Border);
                ctx.Text.Draw(canvas, label, rect.Left + Pad, baseline, style);
                ctx.Text.Draw(canvas, Signed(amount), valueRight, baseline, style, SKTextAlign.Right);
                if (amount is not { } a || a == 0) continue;
                var color = net ? Palette.Accent : a > 0 ? Palette.Good : Palette.Bad;
                var end = zero + (float)(a * scale);
                Shapes.Fill(canvas, new SKRect(Math.Min(zero, end), rowTop + 4, Math.Max(zero, end), rowTop + RowHeight - 4), color.WithAlpha(net ? (byte)255 : (byte)200), 1.5f);
            }
            using var axis = new SKPaint { Color = Palette.Faint, StrokeWidth = 0.75f, Style = SKPaintStyle.Stroke };
            canvas.DrawLine(zero, rect.Top + Pad - 2, zero, rect.Bottom - Pad + 2, axis);
        });
    }

    /// <summary>Null when any movement is: a net of partial numbers would be a number the overview never gave.</summary>
    private static decimal? Net(MrrMovements m) => m.New + m.Expansion + m.Reactivation - m.Contraction - m.Churned;

    private static string Signed(double? amount) => amount is > 0 ? "+" + MetricFormat.Currency(amount) : MetricFormat.Currency(amount);
}
