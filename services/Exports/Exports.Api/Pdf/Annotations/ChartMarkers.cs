using ExecutiveDashboard.Contracts.Dashboard;
using ExecutiveDashboard.Exports.Pdf.Layout;
using NodaTime;
using ScottPlot;
using SkiaSharp;

namespace ExecutiveDashboard.Exports.Pdf.Annotations;

/// <summary>
/// The annotations on one trend chart: a dashed line in the kind's colour at each one's time, and at its top the number
/// the list under the trends gives it (<see cref="AnnotationsSection"/>). Those from the first point on are marked; the
/// x axis stretches to one after the last point (inside the last bucket), as the page's charts do.
/// </summary>
internal sealed class ChartMarkers(IReadOnlyList<(int Index, Annotation Annotation, double X)> marks)
{
    private const float BadgeRadius = 5;

    /// <summary>On the chart's x axis, which is the reader's wall-clock time (<paramref name="zone"/>), as its points are.</summary>
    public static ChartMarkers For(IReadOnlyList<Annotation> annotations, DateTime firstPoint, DateTimeZone? zone)
    {
        var firstX = TimeText.Local(firstPoint, zone).ToOADate();
        return new([.. annotations.Select((a, i) => (i, a, TimeText.Local(a.At, zone).ToOADate())).Where(m => m.Item3 >= firstX)]);
    }

    public bool Any => marks.Count > 0;

    /// <summary>The x limits when a mark lies after the last point, with the 1 % margin the chart has otherwise.</summary>
    public (double Min, double Max)? StretchedLimits(double firstX, double lastX)
    {
        if (!Any || marks.Max(m => m.X) <= lastX)
        {
            return null;
        }
        var max = marks.Max(m => m.X);
        var pad = (max - firstX) * 0.01;
        return (firstX - pad, max + pad);
    }

    /// <summary>Draws over the rendered plot, on the canvas translated to the plot's area.</summary>
    public void Draw(SKCanvas canvas, RenderContext ctx, Plot plot)
    {
        var data = plot.LastRender.DataRect;
        using var line = new SKPaint
        {
            IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeWidth = 1,
            PathEffect = SKPathEffect.CreateDash([3, 2], 0),
        };
        var style = TextStyle.ColumnHeader.WithColor(SKColors.White);
        foreach (var (index, annotation, x) in marks)
        {
            var px = plot.GetPixel(new Coordinates(x, 0)).X;
            if (px < data.Left - 0.5f || px > data.Right + 0.5f)
            {
                continue;
            }
            line.Color = AnnotationStyle.Color(annotation.Kind);
            canvas.DrawLine(px, data.Top + 2 * BadgeRadius, px, data.Bottom, line);
            using var badge = new SKPaint { IsAntialias = true, Color = line.Color, Style = SKPaintStyle.Fill };
            canvas.DrawCircle(px, data.Top + BadgeRadius, BadgeRadius, badge);
            ctx.Text.Draw(canvas, AnnotationsSection.Number(index), px, data.Top + BadgeRadius + 2.5f, style, SKTextAlign.Center);
        }
    }
}
