namespace ExecutiveDashboard.Contracts.Metrics;

/// <summary>The period, previous period and trend buckets of a timeframe, as docs/metrics.md defines them, for a reader's
/// <see cref="ReaderCalendar"/> (default: no time zone, weeks from Monday).</summary>
public sealed record ReportingPeriod(Timeframe Timeframe, DateTime AsOf, Period Current, Period? Previous, ReaderCalendar? Calendar = null)
{
    /// <summary>A partial first or last bucket shorter than this is merged into its neighbour: a point for a few minutes
    /// says nothing, and every bucket of an hour or more is one the users' hourly activity spans count exactly.</summary>
    public static readonly TimeSpan ShortestLocalBucket = TimeSpan.FromHours(1);

    /// <param name="earliestEvent">The scope's earliest event; only used by <c>all</c>.
    /// With no events, <c>all</c> is the empty period <c>[asOf, asOf)</c>.</param>
    public static ReportingPeriod For(Timeframe timeframe, DateTime asOf, DateTime? earliestEvent = null, ReaderCalendar? calendar = null)
    {
        asOf = DateTime.SpecifyKind(asOf, DateTimeKind.Utc);
        if (timeframe.Length() is not { } length)
        {
            var start = earliestEvent is { } e && e < asOf ? DateTime.SpecifyKind(e, DateTimeKind.Utc) : asOf;
            return new(timeframe, asOf, new Period(start, asOf), null, calendar);
        }

        var current = Period.Ending(asOf, length);
        return new(timeframe, asOf, current, Period.Ending(current.Start, length), calendar);
    }

    /// <summary>
    /// Without a time zone: equal slices of the period from its start: 24h → 1 h, 7d → 6 h, 30d and 90d → 1 d; <c>all</c> →
    /// weeks from the week's first day (00:00 UTC) on or before the start, the last one cut at asOf.
    /// With a time zone, the period is the same, cut where the local clock shows 00/06/12/18 (7d), midnight (30d, 90d) or
    /// midnight of the week's first day (<c>all</c>, from the one on or before the start); the first bucket starts at the
    /// period's start (<c>all</c>: at that week start), the last ends at asOf, and a partial first or last bucket shorter
    /// than <see cref="ShortestLocalBucket"/> is merged into its neighbour. 24h keeps its equal hours.
    /// </summary>
    public IReadOnlyList<Period> TrendBuckets()
    {
        if (Current.IsEmpty)
        {
            return [];
        }
        var calendar = Calendar ?? ReaderCalendar.Default;
        if (calendar.Zone is not { } zone || Timeframe == Timeframe.Day)
        {
            return EqualBuckets(calendar);
        }

        List<DateTime> edges = Timeframe switch
        {
            Timeframe.Week => [Current.Start, .. LocalEdges.Inside(zone, Current.Start, Current.End, LocalEdges.QuarterDays)],
            Timeframe.Month or Timeframe.Quarter => [Current.Start, .. LocalEdges.Inside(zone, Current.Start, Current.End, LocalEdges.Midnight)],
            _ => Weeks(zone, calendar.WeekStart),
        };
        edges.Add(Current.End);
        if (edges.Count > 2 && edges[1] - edges[0] < ShortestLocalBucket)
        {
            edges.RemoveAt(1);
        }
        if (edges.Count > 2 && edges[^1] - edges[^2] < ShortestLocalBucket)
        {
            edges.RemoveAt(edges.Count - 2);
        }
        return edges.Zip(edges.Skip(1), (start, end) => new Period(start, end)).ToList();
    }

    private IReadOnlyList<Period> EqualBuckets(ReaderCalendar calendar)
    {
        var (first, step) = Timeframe switch
        {
            Timeframe.Day => (Current.Start, TimeSpan.FromHours(1)),
            Timeframe.Week => (Current.Start, TimeSpan.FromHours(6)),
            Timeframe.Month or Timeframe.Quarter => (Current.Start, TimeSpan.FromDays(1)),
            _ => (UtcWeekStartOnOrBefore(Current.Start, calendar.WeekStart), TimeSpan.FromDays(7)),
        };

        var buckets = new List<Period>();
        for (var start = first; start < Current.End; start += step)
        {
            var end = start + step;
            buckets.Add(new Period(start, end < Current.End ? end : Current.End));
        }
        return buckets;
    }

    /// <summary>The local week starts from the one on or before the period's start, up to (not including) asOf.</summary>
    private List<DateTime> Weeks(NodaTime.DateTimeZone zone, NodaTime.IsoDayOfWeek weekStart)
    {
        var first = LocalEdges.WeekStartOnOrBefore(zone, weekStart, Current.Start);
        var edges = new List<DateTime> { first };
        for (var week = 1; LocalEdges.WeeksAfter(zone, first, week) is var next && next < Current.End; week++)
        {
            edges.Add(next);
        }
        return edges;
    }

    private static DateTime UtcWeekStartOnOrBefore(DateTime t, NodaTime.IsoDayOfWeek weekStart)
    {
        var daysSince = ((int)t.DayOfWeek - (int)weekStart % 7 + 7) % 7;
        return DateTime.SpecifyKind(t.Date.AddDays(-daysSince), DateTimeKind.Utc);
    }
}
