using UglyToad.PdfPig.Content;

namespace ExecutiveDashboard.EndToEndTests;

/// <summary>
/// A PDF page's words in the order they were drawn (the content stream's), not in reading order: a KPI's label, value and
/// change, or a table row's cells (a wrapped cell's lines too), come one after the other, so that a value can be looked for
/// right after its label instead of anywhere on the page, where a "3" would always be found.
/// </summary>
internal static class PdfContentWords
{
    public static List<string> Of(Page page)
    {
        var words = new List<string>();
        var word = new System.Text.StringBuilder();
        Letter? previous = null;
        foreach (var letter in page.Letters)
        {
            // A new word at a space, or where the next glyph does not start where the last one ended (a new line, cell or run).
            var jump = previous is not null && Math.Abs(letter.StartBaseLine.X - previous.EndBaseLine.X)
                + Math.Abs(letter.StartBaseLine.Y - previous.EndBaseLine.Y) > 0.2 * letter.PointSize;
            if ((string.IsNullOrWhiteSpace(letter.Value) || jump) && word.Length > 0)
            {
                words.Add(word.ToString());
                word.Clear();
            }
            if (!string.IsNullOrWhiteSpace(letter.Value))
            {
                word.Append(letter.Value);
            }
            previous = letter;
        }
        if (word.Length > 0)
        {
            words.Add(word.ToString());
        }
        return words;
    }

    /// <summary>Whether the words of <paramref name="texts"/>, joined, follow one another somewhere in <paramref name="words"/>.</summary>
    public static bool HasRun(IReadOnlyList<string> words, params string[] texts)
    {
        var wanted = texts.SelectMany(t => t.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToArray();
        for (var start = 0; start + wanted.Length <= words.Count; start++)
        {
            if (wanted.Select((w, i) => words[start + i] == w).All(same => same))
            {
                return true;
            }
        }
        return false;
    }
}
