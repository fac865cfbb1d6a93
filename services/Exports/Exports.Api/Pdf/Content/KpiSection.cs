using ExecutiveDashboard.Exports.Pdf.Formatting;
using ExecutiveDashboard.Exports.Pdf.Kpis;
using ExecutiveDashboard.Exports.Pdf.Layout;
using SkiaSharp;

namespace ExecutiveDashboard.Exports.Pdf.Content;

/// <summary>The KPIs as the page's grid of cards (three a row, the caller's order first).</summary>
internal static class KpiSection
{
    private const int Columns = 3;
    private const float Gap = 10, CardHeight = 88, Pad = 10;

    public static void Add(PageFlow flow, RenderContext ctx)
    {
        var data = ctx.Document.Overview;
        var cards = KpiCards.Cards(data, ctx.Document.CardOrder);
        var cardWidth = (PageFlow.ContentWidth - (Columns - 1) * Gap) / Columns;
        SectionHeading.Add(flow, ctx, "Key metrics", CardHeight + Gap);
        foreach (var row in cards.Chunk(Columns))
        {
            flow.Place(CardHeight + Gap, (canvas, top) =>
            {
                for (var i = 0; i < row.Length; i++)
                    DrawCard(canvas, ctx, row[i], new SKRect(PageFlow.Margin + i * (cardWidth + Gap), top, PageFlow.Margin + i * (cardWidth + Gap) + cardWidth, top + CardHeight));
            });
        }
    }

    private static void DrawCard(SKCanvas canvas, RenderContext ctx, KpiCard card, SKRect rect)
    {
        Shapes.Card(canvas, rect);
        var text = ctx.Text;
        var left = rect.Left + Pad;
        var right = rect.Right - Pad;
        text.DrawTop(canvas, card.Title, left, rect.Top + Pad, TextStyle.Label);
        var main = card.Main;
        var valueBaseline = rect.Top + 40;
        if (main.Degraded)
        {
            var warn = TextStyle.BodyBold.WithColor(Palette.Warning);
            text.Draw(canvas, "Unavailable:", left, valueBaseline - 4, warn);
            text.Draw(canvas, "this section could not be fetched", left, valueBaseline + 7, TextStyle.Small.WithColor(Palette.Warning));
        }
        else
        {
            text.Draw(canvas, MetricFormat.Value(main.Value, main.Info.Unit), left, valueBaseline, TextStyle.Value);
            if (main.HasChange) DrawChange(canvas, ctx, main, right, valueBaseline, TextStyle.BodyBold);
        }

        var lineTop = rect.Bottom - Pad - card.Extras.Count * TextStyle.Small.LineHeight;
        if (card.Extras.Count > 0) Shapes.Rule(canvas, left, right, lineTop - 4, Palette.Border);
        var changeColumn = card.Extras.Any(e => e.HasChange) ? 52f : 0f;
        foreach (var extra in card.Extras)
        {
            var baseline = lineTop + text.Ascent(TextStyle.Small);
            text.Draw(canvas, extra.Label, left, baseline, TextStyle.Small);
            var valueStyle = TextStyle.Small.WithColor(extra.Degraded ? Palette.Warning : Palette.Text);
            text.Draw(canvas, extra.Degraded ? "Unavailable" : MetricFormat.Value(extra.Value, extra.Info.Unit), right - changeColumn, baseline, valueStyle, SKTextAlign.Right);
            if (extra.HasChange && !extra.Degraded) DrawChange(canvas, ctx, extra, right, baseline, TextStyle.Small);
            lineTop += TextStyle.Small.LineHeight;
        }
    }

    /// <summary>The change right-aligned at <paramref name="right"/>, with a triangle coloured by whether the move is
    /// good for this metric (metricInfo.higherIsBetter), a square when it rounds to zero, nothing when it is n/a.</summary>
    private static void DrawChange(SKCanvas canvas, RenderContext ctx, KpiLine line, float right, float baseline, TextStyle style)
    {
        var view = ChangeView.Of(line.Change, line.Info.ChangeUnit, line.Info.HigherIsBetter);
        var color = view.Tone switch { ChangeTone.Good => Palette.Good, ChangeTone.Bad => Palette.Bad, _ => Palette.Muted };
        ctx.Text.Draw(canvas, view.Text, right, baseline, style.WithColor(color), SKTextAlign.Right);
        var size = style.Size * 0.7f;
        var x = right - ctx.Text.Width(view.Text, style) - size * 0.6f - 2;
        var y = baseline - style.Size * 0.36f;
        switch (view.Direction)
        {
            case ChangeDirection.Up or ChangeDirection.Down:
                Shapes.Arrow(canvas, x, y, size, view.Direction == ChangeDirection.Up, color);
                break;
            case ChangeDirection.Flat:
                Shapes.Fill(canvas, new SKRect(x - size * 0.35f, y - size * 0.35f, x + size * 0.35f, y + size * 0.35f), color);
                break;
        }
    }
}
