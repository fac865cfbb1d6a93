using SkiaSharp;
using SkiaSharp.HarfBuzz;

namespace ExecutiveDashboard.Exports.Pdf.Layout;

/// <summary>Measures, wraps and draws text for one render. HarfBuzz shapes every run and the fonts use linear,
/// unhinted metrics, so that glyphs sit where the font means them to and a PDF reader extracts whole words.
/// Shapers and fonts are not thread-safe: one instance per render; the typefaces are shared.</summary>
internal sealed class PdfText(PdfFonts fonts) : IDisposable
{
    private readonly SKShaper regular = new(fonts.Regular);
    private readonly SKShaper bold = new(fonts.Bold);
    private readonly Dictionary<(float, bool), SKFont> skFonts = [];
    private readonly Dictionary<SKColor, SKPaint> paints = [];

    public float Width(string text, TextStyle style) => text.Length == 0 ? 0 : Shaper(style).Shape(text, Font(style)).Width;

    /// <summary>Draws one line with its baseline at <paramref name="baseline"/>.</summary>
    public void Draw(SKCanvas canvas, string text, float x, float baseline, TextStyle style, SKTextAlign align = SKTextAlign.Left)
    {
        if (text.Length == 0) return;
        canvas.DrawShapedText(Shaper(style), text, x, baseline, align, Font(style), Paint(style.Color));
    }

    /// <summary>Draws a line whose top is at <paramref name="top"/> (the baseline sits at the font's ascent).</summary>
    public void DrawTop(SKCanvas canvas, string text, float x, float top, TextStyle style, SKTextAlign align = SKTextAlign.Left) =>
        Draw(canvas, text, x, top + Ascent(style), style, align);

    public float Ascent(TextStyle style) => -Font(style).Metrics.Ascent;

    /// <summary>Greedy word wrap to <paramref name="width"/>; a word longer than a line is broken by characters.</summary>
    public IReadOnlyList<string> Wrap(string text, TextStyle style, float width)
    {
        var lines = new List<string>();
        var current = "";
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = current.Length == 0 ? word : current + " " + word;
            if (Width(candidate, style) <= width) { current = candidate; continue; }
            if (current.Length > 0) lines.Add(current);
            current = word;
            while (current.Length > 1 && Width(current, style) > width)
            {
                var cut = current.Length - 1;
                while (cut > 1 && Width(current[..cut], style) > width) cut--;
                lines.Add(current[..cut]);
                current = current[cut..];
            }
        }
        if (current.Length > 0 || lines.Count == 0) lines.Add(current);
        return lines;
    }

    public SKPaint Paint(SKColor color)
    {
        if (!paints.TryGetValue(color, out var paint))
            paints[color] = paint = new SKPaint { Color = color, IsAntialias = true, Style = SKPaintStyle.Fill };
        return paint;
    }

    private SKShaper Shaper(TextStyle style) => style.Bold ? bold : regular;

    private SKFont Font(TextStyle style)
    {
        if (!skFonts.TryGetValue((style.Size, style.Bold), out var font))
            skFonts[(style.Size, style.Bold)] = font = new SKFont(style.Bold ? fonts.Bold : fonts.Regular, style.Size)
            {
                Hinting = SKFontHinting.None,
                LinearMetrics = true,
                Subpixel = true,
                Edging = SKFontEdging.SubpixelAntialias,
            };
        return font;
    }

    public void Dispose()
    {
        regular.Dispose();
        bold.Dispose();
        foreach (var font in skFonts.Values) font.Dispose();
        foreach (var paint in paints.Values) paint.Dispose();
    }
}
