using CsvHelper;

namespace ExecutiveDashboard.Exports.Csv;

/// <summary>Times as the overview's JSON writes them (System.Text.Json): ISO 8601 UTC with a <c>Z</c> and only the
/// fraction digits that are not zero, so a cell can be compared with the JSON text as it is. The contract's times are
/// UTC (<see cref="ExecutiveDashboard.Contracts.Dashboard.ExecutiveDashboardData"/>): the overview arrives as JSON whose times all end in Z.</summary>
internal static class CsvTimestamp
{
    public const string Format = "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'";

    public static void Write(CsvWriter csv, DateTime? time)
    {
        if (time is { } t)
        {
            csv.WriteField(t, Format);
        }
        else
        {
            csv.WriteField((string?)null);
        }
    }
}
