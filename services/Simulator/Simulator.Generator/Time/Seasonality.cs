using ExecutiveDashboard.Simulator.Generation.Randomness;

namespace ExecutiveDashboard.Simulator.Generation.Time;

/// <summary>
/// When people work: a weekly rhythm (weekends about a third of a weekday, Friday a little quieter) and a
/// daily curve in UTC for customers spread over Europe and the Americas (a European morning bump, a larger
/// transatlantic afternoon, quiet nights). Signups, runs and sessions all follow it.
/// </summary>
public static class Seasonality
{
    // Sunday first, as DayOfWeek.
    private static readonly double[] ByDayOfWeek = [0.34, 1.0, 1.08, 1.06, 1.02, 0.88, 0.30];

    private static readonly double[] ByHour = BuildHours();

    /// <summary>The largest value of <see cref="At"/>.</summary>
    public static readonly double Max = ByDayOfWeek.Max() * ByHour.Max();

    /// <summary>Relative activity at <paramref name="instant"/> (UTC).</summary>
    public static double At(DateTime instant) => ByDayOfWeek[(int)instant.DayOfWeek] * ByHour[instant.Hour];

    public static bool IsWeekend(DateTime instant) => instant.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;

    /// <summary>An instant in [<paramref name="from"/>, <paramref name="to"/>) with density proportional to <see cref="At"/>.</summary>
    public static DateTime Sample(Rng rng, DateTime from, DateTime to) =>
        to <= from ? from : Sample(rng, r => from + (to - from) * r.NextDouble());

    /// <summary>Thins the proposals of <paramref name="propose"/> by <see cref="At"/> (rejection sampling), so the result
    /// follows both the proposal's shape and the week. Gives up after 64 proposals and keeps the last one.</summary>
    public static DateTime Sample(Rng rng, Func<Rng, DateTime> propose)
    {
        var candidate = propose(rng);
        for (var attempt = 0; attempt < 64; attempt++)
        {
            if (rng.NextDouble() * Max < At(candidate))
            {
                return Instants.Milliseconds(candidate);
            }
            candidate = propose(rng);
        }
        return Instants.Milliseconds(candidate);
    }

    private static double[] BuildHours()
    {
        var hours = new double[24];
        for (var h = 0; h < 24; h++)
        {
            hours[h] = 0.16 + 0.65 * Bump(h, 9.5, 2.2) + 1.0 * Bump(h, 15.5, 3.0);
        }
        return hours;
    }

    private static double Bump(int hour, double centre, double width)
    {
        var distance = Math.Abs(hour + 0.5 - centre);
        distance = Math.Min(distance, 24 - distance);
        return Math.Exp(-distance * distance / (2 * width * width));
    }
}
