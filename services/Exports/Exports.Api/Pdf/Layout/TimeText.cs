using System.Globalization;
using NodaTime;

namespace ExecutiveDashboard.Exports.Pdf.Layout;

/// <summary>Times as the file prints them: ISO-ordered, to the minute, in the reader's zone (<c>tz</c> of the export) with
/// its offset at that instant, or UTC without one, so that no reader has to guess a zone.</summary>
internal static class TimeText
{
    /// <summary>The wall-clock time in <paramref name="zone"/> (UTC without one), for text and chart axes.</summary>
    public static DateTime Local(DateTime time, DateTimeZone? zone)
    {
        var utc = time.ToUniversalTime();
        return zone is null ? utc : Instant.FromDateTimeUtc(utc).InZone(zone).LocalDateTime.ToDateTimeUnspecified();
    }

    public static string Of(DateTime time, DateTimeZone? zone) =>
        Local(time, zone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    /// <summary>With the zone stated: "2026-11-29 12:00 UTC", or "2026-11-29 17:30 UTC+05:30" in the reader's zone.</summary>
    public static string Stamped(DateTime time, DateTimeZone? zone) => $"{Of(time, zone)} {Offset(time, zone)}";

    /// <summary>"UTC", or the offset of <paramref name="zone"/> at <paramref name="time"/>: "UTC+05:30", "UTC-05:00" (the
    /// ASCII minus, as the file's numbers have it).</summary>
    public static string Offset(DateTime time, DateTimeZone? zone)
    {
        if (zone is null)
        {
            return "UTC";
        }
        var offset = zone.GetUtcOffset(Instant.FromDateTimeUtc(time.ToUniversalTime())).ToTimeSpan();
        return $"UTC{(offset < TimeSpan.Zero ? "-" : "+")}{offset.Duration():hh\\:mm}";
    }

    /// <summary>How the cover names the zone: its IANA id, or UTC.</summary>
    public static string ZoneName(DateTimeZone? zone) => zone?.Id ?? "UTC";

    public static string Timeframe(string timeframe) => timeframe switch
    {
        "24h" => "Last 24 hours",
        "7d" => "Last 7 days",
        "30d" => "Last 30 days",
        "90d" => "Last 90 days",
        "all" => "All time",
        _ => timeframe,
    };
}
