using SkiaSharp;

namespace ExecutiveDashboard.Exports.Pdf.Layout;

/// <summary>Lays blocks out down A4 pages first and draws them after, so that every page's footer can say
/// "Page n of N" with the final N. A block never splits: what does not fit on the rest of a page starts the next one.</summary>
internal sealed class PageFlow
{
    /// <summary>A4 in PDF points.</summary>
    public const float PageWidth = 595.28f, PageHeight = 841.89f;

    public const float Margin = 40, Top = 40, FooterTop = PageHeight - 34, Bottom = FooterTop - 14;

    public const float ContentWidth = PageWidth - 2 * Margin;

    private readonly List<List<Action<SKCanvas>>> pages = [[]];

    public float Y { get; private set; } = Top;

    public int PageCount => pages.Count;

    public float Remaining => Bottom - Y;

    public bool AtPageTop => Y <= Top;

    public void NewPage()
    {
        pages.Add([]);
        Y = Top;
    }

    /// <summary>Reserves <paramref name="height"/> points (on a new page if they do not fit here) and records how to
    /// draw them; the action gets the block's top. <paramref name="keepWithNext"/> is the height of what must follow on
    /// the same page (a heading is never left alone at a page's foot).</summary>
    public void Place(float height, Action<SKCanvas, float> draw, float keepWithNext = 0)
    {
        if (height + keepWithNext > Remaining && !AtPageTop) NewPage();
        var top = Y;
        pages[^1].Add(canvas => draw(canvas, top));
        Y += height;
    }

    public void Space(float height) => Y = Math.Min(Y + height, Bottom);

    /// <summary>Draws every page; <paramref name="frame"/> adds what each page carries around its content
    /// (page number, scope), with the page's 1-based number and the page count.</summary>
    public void Render(SKDocument document, Action<SKCanvas, int, int> frame)
    {
        for (var i = 0; i < pages.Count; i++)
        {
            var canvas = document.BeginPage(PageWidth, PageHeight);
            foreach (var draw in pages[i]) draw(canvas);
            frame(canvas, i + 1, pages.Count);
            document.EndPage();
        }
    }
}
