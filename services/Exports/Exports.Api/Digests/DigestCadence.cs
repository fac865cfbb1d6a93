namespace ExecutiveDashboard.Exports.Digests;

/// <summary>How often a digest goes out, and the timeframe its numbers cover: a day's digest reads the last 24 hours,
/// a week's the last 7 days, both ending at the instant it is due.</summary>
public static class DigestCadence
{
    public const string Daily = "daily";
    public const string Weekly = "weekly";

    public static readonly IReadOnlyList<string> All = [Daily, Weekly];

    public static string TimeframeOf(string cadence) => cadence == Weekly ? "7d" : "24h";
}
