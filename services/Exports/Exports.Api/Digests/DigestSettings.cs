using System.Globalization;
using NodaTime;

namespace ExecutiveDashboard.Exports.Digests;

/// <summary>One digest as a person sets it (<c>PUT /api/users/me/digests</c>), already validated by
/// <see cref="DigestRequest"/>.</summary>
/// <param name="Id">The digest being edited (from the GET answer); null for a new one.</param>
/// <param name="Scope">A workspace id or <c>all</c>.</param>
/// <param name="Cadence"><see cref="DigestCadence"/>.</param>
/// <param name="Weekday"><c>monday</c>…<c>sunday</c> for a weekly digest, null for a daily one.</param>
/// <param name="LocalTime"><c>HH:mm</c> on the wall clock of <paramref name="TimeZone"/>.</param>
/// <param name="TimeZone">An IANA id of NodaTime's tzdb, e.g. <c>Europe/Paris</c>.</param>
public sealed record DigestSettings(Guid? Id, string Scope, string Cadence, string? Weekday, string LocalTime, string TimeZone, string Email)
{
    public static readonly string[] Weekdays = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];

    public DigestTiming Timing() => new(
        Weekday is { } day ? (IsoDayOfWeek)(Array.IndexOf(Weekdays, day) + 1) : null,
        NodaTime.LocalTime.FromTimeOnly(TimeOnly.ParseExact(LocalTime, "HH:mm", CultureInfo.InvariantCulture)),
        DateTimeZoneProviders.Tzdb[TimeZone]);
}
