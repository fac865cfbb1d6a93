namespace ExecutiveDashboard.TestSupport;

/// <summary>
/// The windows of metrics.md written out again for the tests' expectations, apart from the <c>ReportingPeriod</c> the services
/// read with: a test that took its window from the code it checks would agree with any mistake of that code.
/// </summary>
public static class ExpectedPeriods
{
    /// <summary>The period's length by the timeframe's wire name; <c>null</c> for <c>all</c>, which starts at the scope's
    /// earliest event.</summary>
    public static TimeSpan? Length(string timeframe) => timeframe switch
    {
        "24h" => TimeSpan.FromHours(24),
        "7d" => TimeSpan.FromDays(7),
        "30d" => TimeSpan.FromDays(30),
        "90d" => TimeSpan.FromDays(90),
        "all" => null,
        _ => throw new ArgumentOutOfRangeException(nameof(timeframe), timeframe, null),
    };

    /// <summary>The period <c>[asOf − L, asOf)</c>; for <c>all</c>, <c>[earliest event, asOf)</c> (empty without one).</summary>
    public static (DateTime Start, DateTime End) Current(string timeframe, DateTime asOf, DateTime? earliestEvent) =>
        Length(timeframe) is { } length ? (asOf - length, asOf) : (earliestEvent is { } e && e < asOf ? e : asOf, asOf);

    /// <summary>The period of the same length just before; none for <c>all</c>.</summary>
    public static (DateTime Start, DateTime End)? Previous(string timeframe, DateTime asOf) =>
        Length(timeframe) is { } length ? (asOf - 2 * length, asOf - length) : null;

    /// <summary>The trend's buckets: 1 h over 24h, 6 h over 7d, a day over 30d and 90d, from the period's start; over
    /// <c>all</c> weeks from the Monday (UTC) on or before the start. The last one is cut at asOf.</summary>
    public static List<(DateTime Start, DateTime End)> TrendBuckets(string timeframe, DateTime start, DateTime asOf)
    {
        var (first, step) = timeframe switch
        {
            "24h" => (start, TimeSpan.FromHours(1)),
            "7d" => (start, TimeSpan.FromHours(6)),
            "30d" or "90d" => (start, TimeSpan.FromDays(1)),
            _ => (start.Date.AddDays(-(((int)start.DayOfWeek + 6) % 7)), TimeSpan.FromDays(7)),
        };
        var buckets = new List<(DateTime, DateTime)>();
        for (var t = first; start < asOf && t < asOf; t += step)
        {
            buckets.Add((t, t + step < asOf ? t + step : asOf));
        }
        return buckets;
    }
}
