namespace ExecutiveDashboard.Contracts.Metrics;

public static class Timeframes
{
    public const string Allowed = "24h, 7d, 30d, 90d or all";

    public static bool TryParse(string? value, out Timeframe timeframe)
    {
        (var ok, timeframe) = value switch
        {
            "24h" => (true, Timeframe.Day),
            "7d" => (true, Timeframe.Week),
            "30d" => (true, Timeframe.Month),
            "90d" => (true, Timeframe.Quarter),
            "all" => (true, Timeframe.All),
            _ => (false, default),
        };
        return ok;
    }

    public static string ToWire(this Timeframe timeframe) => timeframe switch
    {
        Timeframe.Day => "24h",
        Timeframe.Week => "7d",
        Timeframe.Month => "30d",
        Timeframe.Quarter => "90d",
        _ => "all",
    };

    /// <summary>How a sentence names it: "the 30-day PDF", "the all-time CSV".</summary>
    public static string ToAdjective(this Timeframe timeframe) => timeframe switch
    {
        Timeframe.Day => "24-hour",
        Timeframe.Week => "7-day",
        Timeframe.Month => "30-day",
        Timeframe.Quarter => "90-day",
        _ => "all-time",
    };

    /// <summary>The period length L; <c>null</c> for <c>all</c>, whose start is the scope's earliest event.</summary>
    public static TimeSpan? Length(this Timeframe timeframe) => timeframe switch
    {
        Timeframe.Day => TimeSpan.FromHours(24),
        Timeframe.Week => TimeSpan.FromDays(7),
        Timeframe.Month => TimeSpan.FromDays(30),
        Timeframe.Quarter => TimeSpan.FromDays(90),
        _ => null,
    };
}
