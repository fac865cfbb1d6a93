using NodaTime;

namespace ExecutiveDashboard.Contracts.Metrics;

/// <summary>
/// The reader's time zone and first day of the week, which place the trend buckets' edges (<see cref="ReportingPeriod"/>).
/// <see cref="Zone"/> null is a read without <c>tz</c>: the buckets stay equal slices from the period's start, as before
/// time zones existed. Zones come from the tzdb embedded in NodaTime, so every machine cuts the same edges whatever its
/// own zoneinfo holds.
/// </summary>
public sealed record ReaderCalendar(DateTimeZone? Zone, IsoDayOfWeek WeekStart)
{
    /// <summary>A read without <c>tz</c> and <c>weekStart</c>.</summary>
    public static readonly ReaderCalendar Default = new(null, WeekStarts.Default);

    /// <summary>An IANA id is at most some 30 characters; anything much longer is refused before the lookup.</summary>
    public const int MaxZoneIdLength = 64;

    public const string ZoneRule = "must be an IANA time zone id, e.g. Europe/Paris or Asia/Kolkata";

    /// <summary>The zone of an IANA id (case as the tzdb spells it, links such as <c>Asia/Calcutta</c> included).</summary>
    public static DateTimeZone? ZoneOrNull(string? id) =>
        id is { Length: > 0 and <= MaxZoneIdLength } ? DateTimeZoneProviders.Tzdb.GetZoneOrNull(id) : null;

    public bool IsDefault => Zone is null && WeekStart == WeekStarts.Default;

    /// <summary>The query string's <c>tz</c> and <c>weekStart</c> (each with its leading <c>&amp;</c>), only those that
    /// differ from a read without them: a service asked without them answers exactly as before.</summary>
    public string ToQuery() =>
        (Zone is null ? "" : $"&tz={Uri.EscapeDataString(Zone.Id)}")
        + (WeekStart == WeekStarts.Default ? "" : $"&weekStart={WeekStart.ToWire()}");
}
