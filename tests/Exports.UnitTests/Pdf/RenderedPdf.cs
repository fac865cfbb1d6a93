using System.Text;
using ExecutiveDashboard.Exports.Files;
using ExecutiveDashboard.Exports.Pdf;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;

namespace ExecutiveDashboard.Exports.UnitTests.Pdf;

/// <summary>A document rendered and read back with PdfPig: each page's words in reading order, joined by spaces.</summary>
internal sealed class RenderedPdf
{
    /// <summary>Shared like the service's singleton: the typefaces are loaded once.</summary>
    public static readonly PdfDashboard Renderer = new(PdfFonts.Load(PdfFonts.DefaultDirectory));

    private RenderedPdf(byte[] bytes)
    {
        Bytes = bytes;
        using var pdf = PdfDocument.Open(bytes);
        Pages = [.. pdf.GetPages().Select(p => string.Join(" ", p.GetWords().Select(w => w.Text)))];
        Words = [.. pdf.GetPages().Select(p => (IReadOnlyList<Word>)[.. p.GetWords()])];
    }

    public byte[] Bytes { get; }

    public List<string> Pages { get; }

    public IReadOnlyList<IReadOnlyList<Word>> Words { get; }

    /// <summary>The words of the first line 8 to <paramref name="depth"/> points below <paramref name="label"/> (on page
    /// <paramref name="page"/>, 0-based) and within <paramref name="width"/> points of its left edge: a card's value
    /// under its title.</summary>
    public string Below(int page, string label, double width = 150, double depth = 30) => Near(page, label, (l, w) =>
        w.BoundingBox.Bottom < l.BoundingBox.Bottom - 8 && w.BoundingBox.Bottom > l.BoundingBox.Bottom - depth &&
        w.BoundingBox.Left >= l.BoundingBox.Left - 1 && w.BoundingBox.Left < l.BoundingBox.Left + width);

    /// <summary>What a card's extra line shows right of <paramref name="label"/> (one or more words), looked for under the
    /// card's <paramref name="title"/> only (a label such as "LTV" is also part of another title).</summary>
    public string InCard(int page, string title, string label, double width = 150)
    {
        var words = Words[page];
        var top = Find(words, title.Split(' ')) ?? throw new InvalidOperationException($"no '{title}' on page {page + 1}");
        var card = words.Where(w => w.BoundingBox.Bottom < top.BoundingBox.Bottom - 30 && w.BoundingBox.Bottom > top.BoundingBox.Bottom - 90 &&
            w.BoundingBox.Left >= top.BoundingBox.Left - 1 && w.BoundingBox.Left < top.BoundingBox.Left + width).ToList();
        var parts = label.Split(' ');
        var start = Find(card, parts);
        if (start is null) return $"<no '{label}' in the card '{title}'>";
        var labelWords = card.Skip(card.IndexOf(start)).Take(parts.Length).ToList();
        return string.Join(" ", card.Where(w => !labelWords.Contains(w) && Math.Abs(w.BoundingBox.Bottom - start.BoundingBox.Bottom) < 1)
            .OrderBy(w => w.BoundingBox.Left).Select(w => w.Text));
    }

    /// <summary>The fill colour of the first word <paramref name="text"/> on the page, as hex "#rrggbb".</summary>
    public string ColorOf(int page, string text)
    {
        var word = Words[page].FirstOrDefault(w => w.Text == text) ?? throw new InvalidOperationException($"no '{text}' on page {page + 1}");
        return ColorOfWord(word);
    }

    /// <summary>A word's fill colour, as hex "#rrggbb".</summary>
    public string ColorOfWord(Word word)
    {
        var (r, g, b) = word.Letters[0].FillColor.ToRGBValues();
        return $"#{(int)Math.Round(r * 255):x2}{(int)Math.Round(g * 255):x2}{(int)Math.Round(b * 255):x2}";
    }

    private static Word? Find(IReadOnlyList<Word> words, string[] parts)
    {
        for (var i = 0; i + parts.Length <= words.Count; i++)
            if (parts.Select((p, k) => words[i + k].Text == p).All(x => x)) return words[i];
        return null;
    }

    private string Near(int page, string label, Func<Word, Word, bool> near)
    {
        var words = Words[page];
        var parts = label.Split(' ');
        for (var i = 0; i + parts.Length <= words.Count; i++)
        {
            if (!parts.Select((p, k) => words[i + k].Text == p).All(x => x)) continue;
            var first = words[i];
            var found = words.Where(w => near(first, w) && !words.Skip(i).Take(parts.Length).Contains(w)).ToList();
            if (found.Count == 0) continue;
            var topLine = found.Max(w => w.BoundingBox.Bottom);
            return string.Join(" ", found.Where(w => Math.Abs(w.BoundingBox.Bottom - topLine) < 1).OrderBy(w => w.BoundingBox.Left).Select(w => w.Text));
        }
        return $"<no '{label}' with words near it on page {page + 1}>";
    }

    public string Text => string.Join(" ", Pages);

    public string Raw => Encoding.Latin1.GetString(Bytes);

    public static RenderedPdf Of(ExportDocument document)
    {
        using var output = new MemoryStream();
        Renderer.Write(document, output);
        return new RenderedPdf(output.ToArray());
    }
}
