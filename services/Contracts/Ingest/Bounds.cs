namespace ExecutiveDashboard.Contracts.Ingest;

/// <summary>
/// The bounds every input is held to, at ingest and on reads alike: an event or a parameter outside them is a client's
/// mistake (a 400 naming it), never a 500 and never a number that could overflow storage or make a read walk centuries.
/// </summary>
public static class Bounds
{
    /// <summary>The earliest time an event, an <c>asOf</c> or a <c>start</c> may name.</summary>
    public static readonly DateTime EarliestTime = new(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>How far past the server's now a time may lie (clocks of senders drift, time zones get mixed up).</summary>
    public static readonly TimeSpan FutureAllowance = TimeSpan.FromDays(1);

    /// <summary>How long after its start a trial may be set to end (<c>trialEndsAt</c>): the one time an event names
    /// ahead of now, so it is held to the event's own time rather than to <see cref="LatestTime"/>.</summary>
    public static readonly TimeSpan MaxTrialLength = TimeSpan.FromDays(366);

    /// <summary>The most credits one run may cost.</summary>
    public const decimal MaxCredits = 1_000_000m;

    /// <summary>The largest money amount one event may carry (a subscription's price, a marketing spend).</summary>
    public const decimal MaxAmount = 10_000_000m;

    /// <summary>Credits and amounts are kept to the millionth; further digits are rounded off (half away from zero, as
    /// PostgreSQL rounds the raw runs' <c>numeric(20, 6)</c>). A sum of a 28-digit fraction and a large amount would have
    /// more significant digits than a decimal holds, and could not be read back.</summary>
    public const int Decimals = 6;

    /// <summary>The latest time an input may name, given the server's now.</summary>
    public static DateTime LatestTime(DateTime now) => now + FutureAllowance;

    /// <summary>Whether a UTC time lies from <see cref="EarliestTime"/> to <see cref="LatestTime"/>.</summary>
    public static bool IsWithin(DateTime utc, DateTime now) => utc >= EarliestTime && utc <= LatestTime(now);

    /// <summary>What a time outside the bounds is told.</summary>
    public static string TimeRange(DateTime now) =>
        $"must lie from {EarliestTime:yyyy-MM-dd} to one day after now ({LatestTime(now):yyyy-MM-dd'T'HH:mm:ss'Z'})";

    /// <summary>
    /// Text as it may be stored and shown: no control character but tab (NUL is refused by PostgreSQL, the others
    /// break logs and CSV), and no lone surrogate (which has no UTF-8 form).
    /// </summary>
    public static bool IsCleanText(string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsControl(c) && c != '\t')
            {
                return false;
            }
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(c))
            {
                return false;
            }
        }
        return true;
    }
}
