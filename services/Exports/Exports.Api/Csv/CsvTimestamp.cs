using System.Globalization;
using CsvHelper;
using NodaTime;

namespace ExecutiveDashboard.Exports.Csv;

/// <summary>Times as the overview's JSON writes them (System.Text.Json): ISO 8601 UTC with a <c>Z</c> and only the
/// fraction digits that are not zero, so a cell can be compared with the JSON text as it is. The contract's times are
/// UTC (<see cref="ExecutiveDashboard.Contracts.Dashboard.ExecutiveDashboardData"/>): the overview arrives as JSON whose times all end in Z.
/// An export for a reader's zone (<c>tz</c>) writes the same instants as that zone's wall-clock time with its offset at the
/// instant (<c>2026-11-29T17:30:00+05:30</c>): still one exact instant per cell, read as the reader reads the page.</summary>
internal static class CsvTimestamp
{
    public const string Format = "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'";

    public const string LocalFormat = "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz";

    public static void Write(CsvWriter csv, DateTime? time, DateTimeZone? zone = null)
    {
        if (time is not { } t)
        {
            csv.WriteField((string?)null);
        }
        else if (zone is null)
        {
            csv.WriteField(t, Format);
        }
        else
        {
            var local = Instant.FromDateTimeUtc(DateTime.SpecifyKind(t, DateTimeKind.Utc)).InZone(zone).ToDateTimeOffset();
            csv.WriteField(local.ToString(LocalFormat, CultureInfo.InvariantCulture));
        }
    }
}
