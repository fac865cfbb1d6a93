using System.Globalization;

namespace ExecutiveDashboard.Exports.Pdf.Layout;

/// <summary>Times as the file prints them: UTC, ISO-ordered, to the minute, so that no reader has to guess a zone.</summary>
internal static class TimeText
{
    public static string Of(DateTime time) => time.ToUniversalTime().ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    public static string Utc(DateTime time) => Of(time) + " UTC";

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
