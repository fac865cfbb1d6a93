using NodaTime;
using NodaTime.TimeZones;

namespace ExecutiveDashboard.Contracts.Metrics;

/// <summary>
/// The instants at which a reader's wall clock shows a bucket edge, from the zone's rules (offsets, half and quarter hours,
/// daylight-saving changes included). A local time the clocks skip is cut at the instant they jump (the first local time
/// after the gap); a local time they repeat is cut at its first occurrence.
/// </summary>
public static class LocalEdges
{
    private static readonly ZoneLocalMappingResolver FirstAtOrAfter =
        Resolvers.CreateMappingResolver(Resolvers.ReturnEarlier, Resolvers.ReturnStartOfIntervalAfter);

    /// <summary>Local midnight.</summary>
    public static readonly LocalTime[] Midnight = [LocalTime.Midnight];

    /// <summary>Local 00:00, 06:00, 12:00 and 18:00.</summary>
    public static readonly LocalTime[] QuarterDays = [LocalTime.Midnight, new(6, 0), new(12, 0), new(18, 0)];

    /// <summary>The instants strictly inside <c>(start, end)</c> at which the local clock shows one of
    /// <paramref name="timesOfDay"/> (ascending), in order.</summary>
    public static List<DateTime> Inside(DateTimeZone zone, DateTime start, DateTime end, IReadOnlyList<LocalTime> timesOfDay)
    {
        var edges = new List<DateTime>();
        var last = Instant.FromDateTimeUtc(end).InZone(zone).Date;
        for (var date = Instant.FromDateTimeUtc(start).InZone(zone).Date; date <= last; date = date.PlusDays(1))
        {
            foreach (var time in timesOfDay)
            {
                var edge = At(zone, date + time);
                if (edge > start && edge < end && (edges.Count == 0 || edge > edges[^1]))
                {
                    edges.Add(edge);
                }
            }
        }
        return edges;
    }

    /// <summary>The first instant of the local day that is <paramref name="weekStart"/>, on or before <paramref name="t"/>'s
    /// local date.</summary>
    public static DateTime WeekStartOnOrBefore(DateTimeZone zone, IsoDayOfWeek weekStart, DateTime t) =>
        At(zone, Instant.FromDateTimeUtc(t).InZone(zone).Date.With(DateAdjusters.PreviousOrSame(weekStart)).AtMidnight());

    /// <summary>The first instant of the local day <paramref name="weeks"/> weeks after the local date of <paramref name="weekStart"/>.</summary>
    public static DateTime WeeksAfter(DateTimeZone zone, DateTime weekStart, int weeks) =>
        At(zone, Instant.FromDateTimeUtc(weekStart).InZone(zone).Date.PlusWeeks(weeks).AtMidnight());

    public static DateTime At(DateTimeZone zone, LocalDateTime local) => zone.ResolveLocal(local, FirstAtOrAfter).ToDateTimeUtc();
}
