namespace ExecutiveDashboard.Simulator.Generation.Time;

public static class Instants
{
    /// <summary>UTC, cut to the millisecond: the precision the services store and the JSON states.</summary>
    public static DateTime Milliseconds(DateTime instant) =>
        new(instant.Ticks - instant.Ticks % TimeSpan.TicksPerMillisecond, DateTimeKind.Utc);

    public static DateTime Min(DateTime a, DateTime b) => a < b ? a : b;

    public static DateTime Max(DateTime a, DateTime b) => a > b ? a : b;
}
