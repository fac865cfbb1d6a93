using SkiaSharp;

namespace ExecutiveDashboard.Exports.Pdf.Layout;

/// <summary>A section's title with an indigo mark, kept on the same page as the first block that follows it.</summary>
internal static class SectionHeading
{
    public const float Height = 24;

    public static void Add(PageFlow flow, RenderContext ctx, string title, float keepWithNext)
    {
        if (!flow.AtPageTop) flow.Space(10);
        flow.Place(Height, (canvas, top) =>
        {
            Shapes.Fill(canvas, new SKRect(PageFlow.Margin, top + 2, PageFlow.Margin + 3, top + 15), Palette.Accent, 1);
            ctx.Text.DrawTop(canvas, title, PageFlow.Margin + 9, top + 2, TextStyle.Heading);
        }, keepWithNext);
    }
}
