using ExecutiveDashboard.Exports.Digests;
using NodaTime;
using NodaTime.Text;

namespace ExecutiveDashboard.Exports.UnitTests.Digests;

/// <summary>Due instants computed by hand from each zone's rules (offsets and daylight-saving dates of 2026).</summary>
public sealed class DigestTimingTests
{
    private static DigestTiming Daily(string time, string zone) => new(null, Local(time), DateTimeZoneProviders.Tzdb[zone]);

    private static DigestTiming Weekly(IsoDayOfWeek day, string time, string zone) => new(day, Local(time), DateTimeZoneProviders.Tzdb[zone]);

    private static LocalTime Local(string time) => LocalTimePattern.CreateWithInvariantCulture("HH:mm").Parse(time).Value;

    private static Instant At(string utc) => InstantPattern.General.Parse(utc).Value;

    [Theory]
    // Paris in December is UTC+1: 09:00 is 08:00Z, the next day when today's has passed.
    [InlineData("09:00", "Europe/Paris", "2026-12-06T16:00:00Z", "2026-12-07T08:00:00Z")]
    [InlineData("09:00", "Europe/Paris", "2026-12-06T07:59:59Z", "2026-12-06T08:00:00Z")]
    // Strictly after: the instant itself is not next.
    [InlineData("09:00", "Europe/Paris", "2026-12-06T08:00:00Z", "2026-12-07T08:00:00Z")]
    // Half-hour offset: Kolkata is UTC+5:30 all year.
    [InlineData("09:00", "Asia/Kolkata", "2026-12-06T00:00:00Z", "2026-12-06T03:30:00Z")]
    // New York springs forward on Sun 8 March 2026 at 02:00 EST to 03:00 EDT: 02:30 does not exist that day and is due at
    // the first instant after the gap, 03:00 EDT = 07:00Z; the next day 02:30 EDT = 06:30Z.
    [InlineData("02:30", "America/New_York", "2026-03-07T12:00:00Z", "2026-03-08T07:00:00Z")]
    [InlineData("02:30", "America/New_York", "2026-03-08T07:00:00Z", "2026-03-09T06:30:00Z")]
    // New York falls back on Sun 1 November 2026 at 02:00 EDT to 01:00 EST: 01:30 happens twice, and is due at its first
    // occurrence only, 01:30 EDT = 05:30Z; after it comes 2 November 01:30 EST = 06:30Z, not 1 November 06:30Z.
    [InlineData("01:30", "America/New_York", "2026-10-31T12:00:00Z", "2026-11-01T05:30:00Z")]
    [InlineData("01:30", "America/New_York", "2026-11-01T05:30:00Z", "2026-11-02T06:30:00Z")]
    // Lord Howe springs forward half an hour on Sun 4 October 2026 at 02:00 (+10:30) to 02:30 (+11): 02:15 is due at
    // 02:30 +11 = 3 October 15:30Z.
    [InlineData("02:15", "Australia/Lord_Howe", "2026-10-03T00:00:00Z", "2026-10-03T15:30:00Z")]
    public void A_daily_digest_is_next_due_at_its_local_time(string time, string zone, string after, string expected) =>
        Assert.Equal(At(expected), Daily(time, zone).NextAfter(At(after)));

    [Theory]
    // Sun 6 December 2026 → Mon 7 December 09:00 Paris = 08:00Z; from that instant on, the Monday after.
    [InlineData(IsoDayOfWeek.Monday, "09:00", "Europe/Paris", "2026-12-06T16:00:00Z", "2026-12-07T08:00:00Z")]
    [InlineData(IsoDayOfWeek.Monday, "09:00", "Europe/Paris", "2026-12-07T08:00:00Z", "2026-12-14T08:00:00Z")]
    [InlineData(IsoDayOfWeek.Monday, "09:00", "Europe/Paris", "2026-12-07T07:59:00Z", "2026-12-07T08:00:00Z")]
    // A weekly digest on the day New York springs forward, in the gap.
    [InlineData(IsoDayOfWeek.Sunday, "02:30", "America/New_York", "2026-03-02T00:00:00Z", "2026-03-08T07:00:00Z")]
    // Sunday 09:00 in Kolkata from a Sunday evening there: the next Sunday.
    [InlineData(IsoDayOfWeek.Sunday, "09:00", "Asia/Kolkata", "2026-12-06T12:00:00Z", "2026-12-13T03:30:00Z")]
    public void A_weekly_digest_is_next_due_on_its_weekday(IsoDayOfWeek day, string time, string zone, string after, string expected) =>
        Assert.Equal(At(expected), Weekly(day, time, zone).NextAfter(At(after)));

    [Theory]
    // Due 1 December, nobody sent until 4 December 10:00Z: only 4 December 08:00Z is sent.
    [InlineData("2026-12-01T08:00:00Z", "2026-12-04T10:00:00Z", "2026-12-04T08:00:00Z")]
    [InlineData("2026-12-01T08:00:00Z", "2026-12-04T08:00:00Z", "2026-12-04T08:00:00Z")]
    [InlineData("2026-12-01T08:00:00Z", "2026-12-01T09:00:00Z", "2026-12-01T08:00:00Z")]
    public void After_missed_due_times_only_the_latest_is_due(string due, string now, string expected) =>
        Assert.Equal(At(expected), Daily("09:00", "Europe/Paris").LatestDue(At(due), At(now)));
}
