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

    /// <summary>The trend's buckets for a reader in <paramref name="zoneId"/>, found the slow, obvious way: every quarter
    /// hour of UTC (the offsets of the zones tested are whole quarter hours) converted to the local time by the operating
    /// system's zone rules (not the tzdb the services embed), an edge wherever the wall clock first shows a cut: 00/06/12/18
    /// over 7d, midnight over 30d and 90d, midnight of <paramref name="weekStart"/> over <c>all</c> (from the one on or
    /// before the start); the first bucket starts at the period's start (<c>all</c>: that week start), the last ends at asOf,
    /// and a first or last bucket shorter than an hour joins its neighbour. 24h keeps its equal hours.</summary>
    public static List<(DateTime Start, DateTime End)> LocalTrendBuckets(string timeframe, DateTime start, DateTime asOf, string zoneId,
        DayOfWeek weekStart)
    {
        if (timeframe == "24h" || start >= asOf)
        {
            return TrendBuckets(timeframe, start, asOf);
        }
        var zone = TimeZoneInfo.FindSystemTimeZoneById(zoneId);
        Func<DateTime, bool> isCut = timeframe switch
        {
            "7d" => local => local.Minute == 0 && local.Second == 0 && local.Hour % 6 == 0,
            "30d" or "90d" => local => local.TimeOfDay == TimeSpan.Zero,
            _ => local => local.TimeOfDay == TimeSpan.Zero && local.DayOfWeek == weekStart,
        };
        var quarter = TimeSpan.FromMinutes(15);
        var from = timeframe == "all" ? start.AddDays(-8) : start;
        var cuts = new List<DateTime>();
        var seen = new HashSet<DateTime>();
        for (var t = new DateTime(from.Ticks - from.Ticks % quarter.Ticks, DateTimeKind.Utc); t < asOf; t += quarter)
        {
            var local = TimeZoneInfo.ConvertTimeFromUtc(t, zone);
            if (isCut(local) && seen.Add(local))
            {
                cuts.Add(t);
            }
        }
        var edges = timeframe == "all"
            ? cuts.Where(c => c <= start).TakeLast(1).Concat(cuts.Where(c => c > start)).ToList()
            : cuts.Where(c => c > start).Prepend(start).ToList();
        edges.Add(asOf);
        if (edges.Count > 2 && edges[1] - edges[0] < TimeSpan.FromHours(1))
        {
            edges.RemoveAt(1);
        }
        if (edges.Count > 2 && edges[^1] - edges[^2] < TimeSpan.FromHours(1))
        {
            edges.RemoveAt(edges.Count - 2);
        }
        return edges.Zip(edges.Skip(1)).ToList();
    }
}
