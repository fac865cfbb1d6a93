using SkiaSharp;

namespace ExecutiveDashboard.Exports.Pdf.Layout;

/// <summary>The amber box that stands where a degraded section's numbers would be.</summary>
internal static class UnavailableBox
{
    public static void Draw(SKCanvas canvas, RenderContext ctx, SKRect rect)
    {
        Shapes.Card(canvas, rect, Palette.WarningFill, Palette.WarningBorder);
        var style = TextStyle.Body.WithColor(Palette.Warning);
        ctx.Text.Draw(canvas, RenderContext.Unavailable, rect.MidX, rect.MidY + style.Size / 3, style, SKTextAlign.Center);
    }
}
