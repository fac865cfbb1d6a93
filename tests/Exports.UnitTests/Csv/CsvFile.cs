using System.Text;
using CsvHelper;
using ExecutiveDashboard.Exports.Csv;
using ExecutiveDashboard.Exports.Files;

namespace ExecutiveDashboard.Exports.UnitTests.Csv;

/// <summary>One record of the file as CsvHelper's reader parses it: cells exactly as written, escapes included.</summary>
internal sealed record CsvRow(string Section, string Item, string Metric, string Timestamp, string Value, string Unit);

/// <summary>Writes a document with <see cref="CsvDashboard"/> and reads the file back with CsvHelper's reader.</summary>
internal static class CsvFile
{
    public static readonly char[] FormulaStarts = ['=', '+', '-', '@', '\t', '\r'];

    public static byte[] Write(ExportDocument document)
    {
        using var output = new MemoryStream();
        new CsvDashboard().Write(document, output);
        return output.ToArray();
    }

    public static string Text(byte[] file) => new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetString(file);

    public static IReadOnlyList<CsvRow> Rows(byte[] file)
    {
        using var reader = CsvReader.Create(file, CsvReaderOptions.Default with { HasHeader = false });
        var rows = new List<CsvRow>();
        while (reader.Read())
        {
            Assert.Equal(6, reader.FieldCount);
            rows.Add(new CsvRow(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4), reader.GetString(5)));
        }
        Assert.Equal(new CsvRow("section", "item", "metric", "timestamp", "value", "unit"), rows[0]);
        return rows[1..];
    }

    /// <summary>The text a cell stands for: one <c>'</c> comes off a cell of one or more <c>'</c> followed by a formula
    /// character (docs/exports.md, "CSV").</summary>
    public static string Unescape(string cell)
    {
        var afterQuotes = cell.TrimStart('\'');
        return afterQuotes.Length < cell.Length && StartsLikeFormula(afterQuotes) ? cell[1..] : cell;
    }

    /// <summary>Whether a text cell could run as a formula in a spreadsheet.</summary>
    public static bool StartsLikeFormula(string cell) => cell.Length > 0 && FormulaStarts.Contains(cell[0]);
}
