using CsvHelper;

namespace ExecutiveDashboard.Exports.Csv;

/// <summary>
/// Text cells. CsvHelper escapes a text that starts like a formula (<see cref="CsvWriterOptions.InjectionCharacters"/>:
/// <c>= + - @</c>, tab, CR) with <see cref="CsvWriterOptions.InjectionEscape"/> (<c>'</c>), and leaves the numbers
/// written typed alone. That alone is not reversible: a name that already reads <c>'=x</c> would come back as <c>=x</c>.
/// So a text of one or more escape characters followed by an injection character gets one more escape character here,
/// and a reader recovers every text by removing one <c>'</c> from a cell that matches <c>^'+[=+\-@\t\r]</c>.
/// </summary>
internal static class CsvText
{
    public static void Write(CsvWriter csv, string? text)
    {
        if (text is not null && IsEscapedFormula(text, csv.Options))
        {
            csv.WriteField(string.Concat(csv.Options.InjectionEscape.ToString(), text));
        }
        else
        {
            csv.WriteField(text);
        }
    }

    private static bool IsEscapedFormula(string text, CsvWriterOptions options)
    {
        var afterEscapes = text.AsSpan().TrimStart(options.InjectionEscape);
        return afterEscapes.Length < text.Length && afterEscapes.Length > 0 && options.InjectionCharacters.Contains(afterEscapes[0]);
    }
}
