namespace ExecutiveDashboard.Contracts.Metrics;

/// <summary>How numbers leave the system: percentages and amounts with 2 decimals, seconds with 3.</summary>
public static class Round
{
    public static double Percent(double value) => Math.Round(value, 2, MidpointRounding.AwayFromZero);

    public static decimal Amount(decimal value) => Math.Round(value, 2, MidpointRounding.AwayFromZero);

    public static double Seconds(double value) => Math.Round(value, 3, MidpointRounding.AwayFromZero);

    /// <summary><paramref name="part"/> / <paramref name="whole"/> × 100, or <c>null</c> over nothing.</summary>
    public static double? Rate(double part, double whole) => whole == 0 ? null : Percent(part / whole * 100);
}
