using ExecutiveDashboard.Exports.Pdf.Annotations;
using ExecutiveDashboard.Exports.Pdf.Formatting;
using ExecutiveDashboard.Exports.Pdf.Layout;
using ScottPlot;
using ScottPlot.Rendering.RenderActions;
using ScottPlot.TickGenerators;
using SkiaSharp;

namespace ExecutiveDashboard.Exports.Pdf.Content;

/// <summary>The four trends, two a row, drawn by ScottPlot straight onto the page's canvas: on a PDF canvas its lines,
/// gridlines and tick labels stay vector paths and text.</summary>
internal static class TrendSection
{
    private const float Gap = 10, Height = 178, TitleHeight = 22;

    public static void Add(PageFlow flow, RenderContext ctx)
    {
        var t = ctx.Document.Overview.Trends;
        TrendChart[] charts =
        [
            new("Execution trend", "trends.execution", t.Execution,
                [new("Total", "#3b82f6", p => p.Value), new("Successful", "#10b981", p => p.Successful ?? 0), new("Failed", "#ef4444", p => p.Failed ?? 0)],
                v => MetricFormat.Compact(v), FromZero: true),
            new("User activity", "trends.users", t.Users, [new("Active users", "#8b5cf6", p => p.Value)], v => MetricFormat.Compact(v), Filled: true, FromZero: true),
            new("Revenue (MRR)", "trends.revenue", t.Revenue, [new("MRR", "#0ea5e9", p => p.Value)], v => "$" + MetricFormat.Compact(v), Filled: true, Step: true),
            new("Error rate", "trends.errors", t.Errors, [new("Error rate", "#f97316", p => p.Value)],
                v => MetricFormat.Fixed(v, v % 1 == 0 ? 0 : 1) + "%", FromZero: true),
        ];
        var width = (PageFlow.ContentWidth - Gap) / 2;
        SectionHeading.Add(flow, ctx, "Trends", Height + Gap);
        foreach (var row in charts.Chunk(2))
        {
            flow.Place(Height + Gap, (canvas, top) =>
            {
                for (var i = 0; i < row.Length; i++)
                {
                    var left = PageFlow.Margin + i * (width + Gap);
                    DrawChart(canvas, ctx, row[i], new SKRect(left, top, left + width, top + Height));
                }
            });
        }
    }

    private static void DrawChart(SKCanvas canvas, RenderContext ctx, TrendChart chart, SKRect rect)
    {
        Shapes.Card(canvas, rect);
        ctx.Text.DrawTop(canvas, chart.Title, rect.Left + 10, rect.Top + 9, TextStyle.BodyBold);
        if (chart.Series.Count > 1) DrawLegend(canvas, ctx, chart, rect.Right - 10, rect.Top + 9 + ctx.Text.Ascent(TextStyle.Small));
        var body = new SKRect(rect.Left + 4, rect.Top + TitleHeight, rect.Right - 6, rect.Bottom - 4);
        if (ctx.IsDegraded(chart.Section))
        {
            UnavailableBox.Draw(canvas, ctx, new SKRect(body.Left + 6, body.MidY - 14, body.Right - 4, body.MidY + 14));
            return;
        }
        if (chart.Points.Count == 0)
        {
            ctx.Text.Draw(canvas, "No data in this period.", body.MidX, body.MidY, TextStyle.Label, SKTextAlign.Center);
            return;
        }

        var markers = ChartMarkers.For(ctx.Document.Overview.Annotations, chart.Points[0].Timestamp, ctx.Zone);
        var plot = Build(ctx, chart, markers);
        var area = new PixelRect(0, body.Width, body.Height, 0);
        // ScottPlot renders twice on its first render (to settle the layout the first pass measured). On a PDF canvas
        // that would write every line and label twice, so the first render goes to a canvas that draws nothing.
        using (var settle = new SKNoDrawCanvas((int)body.Width, (int)body.Height)) plot.Render(settle, area);
        canvas.Save();
        canvas.Translate(body.Left, body.Top);
        canvas.ClipRect(new SKRect(0, 0, body.Width, body.Height));
        plot.Render(canvas, area);
        markers.Draw(canvas, ctx, plot);
        canvas.Restore();
    }

    private static Plot Build(RenderContext ctx, TrendChart chart, ChartMarkers markers)
    {
        var plot = new Plot();
        // The chart shares the page: no clearing of the canvas, no background of its own.
        plot.RenderManager.RenderActions.RemoveAll(a => a is ClearCanvas);
        plot.FigureBackground.Color = Colors.Transparent;
        plot.DataBackground.Color = Colors.Transparent;
        plot.Font.Set(ctx.Fonts.ChartFamily);

        // Plotted at the reader's wall-clock times, so that the axis labels are local (midnight reads 00:00).
        var xs = chart.Points.Select(p => TimeText.Local(p.Timestamp, ctx.Zone).ToOADate()).ToArray();
        foreach (var series in chart.Series)
        {
            var line = plot.Add.ScatterLine(xs, chart.Points.Select(series.Value).ToArray(), Color.FromHex(series.Color));
            line.LineWidth = 1.4f;
            if (chart.Step) line.ConnectStyle = ConnectStyle.StepHorizontal;
            if (chart.Filled && series == chart.Series[0])
            {
                line.FillY = true;
                line.FillYColor = Color.FromHex(series.Color).WithAlpha(0.18);
            }
        }

        var bottom = plot.Axes.DateTimeTicksBottom();
        if (bottom.TickGenerator is DateTimeAutomatic dates)
        {
            var pattern = TickPattern(ctx.Document.Overview.Timeframe);
            dates.LabelFormatter = d => d.ToString(pattern, System.Globalization.CultureInfo.InvariantCulture);
        }
        plot.Axes.Left.TickGenerator = new NumericAutomatic { LabelFormatter = chart.YLabel, TargetTickCount = 5 };

        foreach (var axis in new IAxis[] { plot.Axes.Left, bottom })
        {
            axis.TickLabelStyle.FontSize = 7;
            axis.TickLabelStyle.ForeColor = Color.FromHex("#64748b");
            axis.MajorTickStyle.Color = Color.FromHex("#cbd5e1");
            axis.MinorTickStyle.Length = 0;
            axis.FrameLineStyle.Color = Color.FromHex("#cbd5e1");
            axis.FrameLineStyle.Width = 0.75f;
        }
        plot.Axes.Top.FrameLineStyle.Width = 0;
        plot.Axes.Right.FrameLineStyle.Width = 0;
        plot.Grid.MajorLineColor = Color.FromHex("#e2e8f0");
        plot.Grid.MajorLineWidth = 0.5f;

        plot.Axes.Margins(horizontal: 0.01, vertical: 0.08);
        if (markers.StretchedLimits(xs[0], xs[^1]) is var (left, right))
        {
            plot.Axes.SetLimitsX(left, right);
        }
        if (chart.FromZero)
        {
            var max = chart.Series.SelectMany(s => chart.Points.Select(s.Value)).DefaultIfEmpty(0).Max();
            plot.Axes.SetLimitsY(0, max <= 0 ? 1 : max * 1.08);
        }
        return plot;
    }

    /// <summary>The series' names and colours in the title row, right-aligned, where they never cover a line.</summary>
    private static void DrawLegend(SKCanvas canvas, RenderContext ctx, TrendChart chart, float right, float baseline)
    {
        var x = right;
        foreach (var series in chart.Series.Reverse())
        {
            ctx.Text.Draw(canvas, series.Name, x, baseline, TextStyle.Small, SKTextAlign.Right);
            x -= ctx.Text.Width(series.Name, TextStyle.Small) + 4;
            Shapes.Fill(canvas, new SKRect(x - 8, baseline - 4, x, baseline - 2), SKColor.Parse(series.Color), 1);
            x -= 16;
        }
    }

    private static string TickPattern(string timeframe) => timeframe switch
    {
        "24h" => "HH:mm",
        "7d" => "ddd HH:mm",
        "all" => "MMM d, yy",
        _ => "MMM d",
    };
}
