namespace ExecutiveDashboard.Contracts.Metrics;

/// <summary>The period, previous period and trend buckets of a timeframe, as docs/metrics.md defines them.</summary>
public sealed record ReportingPeriod(Timeframe Timeframe, DateTime AsOf, Period Current, Period? Previous)
{
    /// <param name="earliestEvent">The scope's earliest event; only used by <c>all</c>.
    /// With no events, <c>all</c> is the empty period <c>[asOf, asOf)</c>.</param>
    public static ReportingPeriod For(Timeframe timeframe, DateTime asOf, DateTime? earliestEvent = null)
    {
        asOf = DateTime.SpecifyKind(asOf, DateTimeKind.Utc);
        if (timeframe.Length() is not { } length)
        {
            var start = earliestEvent is { } e && e < asOf ? DateTime.SpecifyKind(e, DateTimeKind.Utc) : asOf;
            return new(timeframe, asOf, new Period(start, asOf), null);
        }

        var current = Period.Ending(asOf, length);
        return new(timeframe, asOf, current, Period.Ending(current.Start, length));
    }

    /// <summary>Equal slices of the period from its start: 24h → 1 h, 7d → 6 h, 30d and 90d → 1 d;
    /// <c>all</c> → weeks from the Monday (UTC) on or before the start, the last one cut at asOf.</summary>
    public IReadOnlyList<Period> TrendBuckets()
    {
        var (first, step) = Timeframe switch
        {
            Timeframe.Day => (Current.Start, TimeSpan.FromHours(1)),
            Timeframe.Week => (Current.Start, TimeSpan.FromHours(6)),
            Timeframe.Month or Timeframe.Quarter => (Current.Start, TimeSpan.FromDays(1)),
            _ => (MondayOnOrBefore(Current.Start), TimeSpan.FromDays(7)),
        };

        var buckets = new List<Period>();
        if (Current.IsEmpty)
        {
            return buckets;
        }

        for (var start = first; start < Current.End; start += step)
        {
            var end = start + step;
            buckets.Add(new Period(start, end < Current.End ? end : Current.End));
        }
        return buckets;
    }

    private static DateTime MondayOnOrBefore(DateTime t)
    {
        var daysSinceMonday = ((int)t.DayOfWeek + 6) % 7;
        return DateTime.SpecifyKind(t.Date.AddDays(-daysSinceMonday), DateTimeKind.Utc);
    }
}
