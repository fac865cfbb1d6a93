using NodaTime;
using NodaTime.TimeZones;

namespace ExecutiveDashboard.Exports.Digests;

/// <summary>
/// When a digest is due: every day (or every <see cref="Weekday"/>) at <see cref="LocalTime"/> on the wall clock of
/// <see cref="Zone"/> (NodaTime's embedded tzdb, never the machine's zoneinfo). Across a daylight-saving change a local
/// time that does not exist that day (inside the spring-forward gap) is due at the first instant after the gap, and one
/// that exists twice (the autumn overlap) at its first occurrence only.
/// </summary>
/// <param name="Weekday">The day of a weekly digest; null for a daily one.</param>
public sealed record DigestTiming(IsoDayOfWeek? Weekday, LocalTime LocalTime, DateTimeZone Zone)
{
    private static readonly ZoneLocalMappingResolver FirstInstant =
        Resolvers.CreateMappingResolver(Resolvers.ReturnEarlier, Resolvers.ReturnStartOfIntervalAfter);

    /// <summary>The first instant strictly after <paramref name="after"/> at which the digest is due.</summary>
    public Instant NextAfter(Instant after)
    {
        var date = after.InZone(Zone).Date;
        if (Weekday is { } weekday && date.DayOfWeek != weekday)
        {
            date = date.Next(weekday);
        }
        var step = Weekday is null ? Period.FromDays(1) : Period.FromWeeks(1);
        // At most two steps: the occurrence on the first candidate date may already have passed.
        while (true)
        {
            var due = Zone.ResolveLocal(date + LocalTime, FirstInstant).ToInstant();
            if (due > after)
            {
                return due;
            }
            date += step;
        }
    }

    /// <summary>The latest instant at or before <paramref name="now"/> at which the digest is due, starting from a due
    /// instant <paramref name="due"/> (itself at or before now): after the service was down across several, only the
    /// latest is sent.</summary>
    public Instant LatestDue(Instant due, Instant now)
    {
        for (var next = NextAfter(due); next <= now; next = NextAfter(due))
        {
            due = next;
        }
        return due;
    }
}
