using CsvHelper;

namespace ExecutiveDashboard.Exports.Csv;

/// <summary>Times as the overview's JSON writes them (System.Text.Json): ISO 8601 UTC with a <c>Z</c> and only the
/// fraction digits that are not zero, so a cell can be compared with the JSON text as it is.</summary>
internal static class CsvTimestamp
{
    public const string Format = "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'";

    public static void Write(CsvWriter csv, DateTime? time)
    {
        if (time is { } t)
        {
            // The contract's times are UTC; a local one would otherwise be written with a false Z.
            csv.WriteField(t.Kind == DateTimeKind.Local ? t.ToUniversalTime() : t, Format);
        }
        else
        {
            csv.WriteField((string?)null);
        }
    }
}
