namespace ExecutiveDashboard.Contracts.Metrics;

public static class Grains
{
    /// <summary>The code stored in the rollup tables' <c>grain</c> column.</summary>
    public static string Code(this Grain grain) => grain switch
    {
        Grain.Day => "d",
        Grain.Hour => "h",
        Grain.Minute => "m",
        _ => "r",
    };

    public static DateTime Floor(this Grain grain, DateTime t) => grain switch
    {
        Grain.Day => new DateTime(t.Year, t.Month, t.Day, 0, 0, 0, DateTimeKind.Utc),
        Grain.Hour => new DateTime(t.Year, t.Month, t.Day, t.Hour, 0, 0, DateTimeKind.Utc),
        Grain.Minute => new DateTime(t.Year, t.Month, t.Day, t.Hour, t.Minute, 0, DateTimeKind.Utc),
        _ => t,
    };

    public static DateTime Ceiling(this Grain grain, DateTime t)
    {
        var floor = grain.Floor(t);
        return floor == t ? t : floor + grain.Length();
    }

    public static TimeSpan Length(this Grain grain) => grain switch
    {
        Grain.Day => TimeSpan.FromDays(1),
        Grain.Hour => TimeSpan.FromHours(1),
        Grain.Minute => TimeSpan.FromMinutes(1),
        _ => TimeSpan.Zero,
    };
}
