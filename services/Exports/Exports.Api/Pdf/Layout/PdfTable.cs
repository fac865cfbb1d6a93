using SkiaSharp;

namespace ExecutiveDashboard.Exports.Pdf.Layout;

/// <summary>A titled table that flows over as many pages as it needs, its header row repeated at the top of each,
/// its cells wrapped (never cut) so that every value is in the file.</summary>
internal static class PdfTable
{
    private const float HeaderHeight = 18, CellPadX = 6, CellPadY = 4.5f, KeepWholeUpTo = 300;

    /// <param name="section">The contract section the rows come from (null: the document's own rows, never degraded).</param>
    public static void Add(PageFlow flow, RenderContext ctx, string title, string? section, IReadOnlyList<TableColumn> columns,
        IReadOnlyList<IReadOnlyList<TableCell>> rows, string emptyText)
    {
        if (section is not null && ctx.IsDegraded(section))
        {
            SectionHeading.Add(flow, ctx, title, 40);
            flow.Place(40, (canvas, top) => UnavailableBox.Draw(canvas, ctx, new SKRect(PageFlow.Margin, top, PageFlow.Margin + PageFlow.ContentWidth, top + 32)));
            return;
        }

        var total = columns.Sum(c => c.Share);
        var widths = columns.Select(c => c.Share / total * PageFlow.ContentWidth).ToArray();
        var laidOut = rows.Select(row => row.Select((cell, i) => ctx.Text.Wrap(cell.Text, Style(cell), widths[i] - 2 * CellPadX)).ToArray()).ToList();
        var heights = laidOut.Select(cells => cells.Max(lines => lines.Count) * TextStyle.Body.LineHeight + 2 * CellPadY).ToList();

        // A short table is kept whole on one page; a long one starts where it is and repeats its header on each page.
        var whole = HeaderHeight + heights.Sum();
        var keep = whole <= KeepWholeUpTo ? whole : HeaderHeight + (heights.Count > 0 ? heights[0] : 28);
        SectionHeading.Add(flow, ctx, title, keep);
        Header(flow, ctx, columns, widths, heights.Count > 0 ? heights[0] : 28);
        if (rows.Count == 0)
        {
            flow.Place(28, (canvas, top) => ctx.Text.Draw(canvas, emptyText, PageFlow.Margin + PageFlow.ContentWidth / 2, top + 17, TextStyle.Label, SKTextAlign.Center));
            return;
        }
        for (var r = 0; r < rows.Count; r++)
        {
            if (heights[r] > flow.Remaining)
            {
                flow.NewPage();
                flow.Place(SectionHeading.Height - 6, (canvas, top) => ctx.Text.DrawTop(canvas, $"{title} (continued)", PageFlow.Margin, top, TextStyle.Label));
                Header(flow, ctx, columns, widths, heights[r]);
            }
            var row = rows[r];
            var lines = laidOut[r];
            var height = heights[r];
            flow.Place(height, (canvas, top) =>
            {
                var x = PageFlow.Margin;
                for (var c = 0; c < row.Count; c++)
                {
                    DrawCell(canvas, ctx, row[c], lines[c], columns[c], x, widths[c], top);
                    x += widths[c];
                }
                Shapes.Rule(canvas, PageFlow.Margin, PageFlow.Margin + PageFlow.ContentWidth, top + height, Palette.Border);
            });
        }
    }

    private static void Header(PageFlow flow, RenderContext ctx, IReadOnlyList<TableColumn> columns, float[] widths, float firstRow) =>
        flow.Place(HeaderHeight, (canvas, top) =>
        {
            Shapes.Fill(canvas, new SKRect(PageFlow.Margin, top, PageFlow.Margin + PageFlow.ContentWidth, top + HeaderHeight), Palette.Stripe);
            Shapes.Rule(canvas, PageFlow.Margin, PageFlow.Margin + PageFlow.ContentWidth, top + HeaderHeight, Palette.Border, 0.75f);
            var x = PageFlow.Margin;
            for (var c = 0; c < columns.Count; c++)
            {
                var anchor = columns[c].AlignRight ? x + widths[c] - CellPadX : x + CellPadX;
                ctx.Text.Draw(canvas, columns[c].Header.ToUpperInvariant(), anchor, top + 12, TextStyle.ColumnHeader,
                    columns[c].AlignRight ? SKTextAlign.Right : SKTextAlign.Left);
                x += widths[c];
            }
        }, keepWithNext: firstRow);

    private static void DrawCell(SKCanvas canvas, RenderContext ctx, TableCell cell, IReadOnlyList<string> lines, TableColumn column, float x, float width, float top)
    {
        var style = Style(cell);
        if (cell.Badge is { } fill)
        {
            var w = ctx.Text.Width(cell.Text, style) + 10;
            Shapes.Fill(canvas, new SKRect(x + CellPadX, top + CellPadY - 1, x + CellPadX + w, top + CellPadY + style.LineHeight), fill, 3);
            ctx.Text.DrawTop(canvas, cell.Text, x + CellPadX + 5, top + CellPadY + 1, style.WithColor(cell.BadgeText ?? Palette.White));
            return;
        }
        for (var i = 0; i < lines.Count; i++)
        {
            var lineTop = top + CellPadY + i * TextStyle.Body.LineHeight;
            if (column.AlignRight) ctx.Text.DrawTop(canvas, lines[i], x + width - CellPadX, lineTop, style, SKTextAlign.Right);
            else ctx.Text.DrawTop(canvas, lines[i], x + CellPadX, lineTop, style);
        }
    }

    private static TextStyle Style(TableCell cell) => cell.Badge is not null
        ? TextStyle.ColumnHeader
        : cell.Bold ? TextStyle.BodyBold : TextStyle.Body;
}
