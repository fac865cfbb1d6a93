using NodaTime;

namespace ExecutiveDashboard.Contracts.Metrics;

/// <summary>The first day of a reader's week; wire names <c>monday</c> … <c>sunday</c>, lower case.</summary>
public static class WeekStarts
{
    public const string Allowed = "monday, tuesday, wednesday, thursday, friday, saturday or sunday";

    public const IsoDayOfWeek Default = IsoDayOfWeek.Monday;

    public static bool TryParse(string? value, out IsoDayOfWeek day)
    {
        day = value switch
        {
            "monday" => IsoDayOfWeek.Monday,
            "tuesday" => IsoDayOfWeek.Tuesday,
            "wednesday" => IsoDayOfWeek.Wednesday,
            "thursday" => IsoDayOfWeek.Thursday,
            "friday" => IsoDayOfWeek.Friday,
            "saturday" => IsoDayOfWeek.Saturday,
            "sunday" => IsoDayOfWeek.Sunday,
            _ => IsoDayOfWeek.None,
        };
        return day != IsoDayOfWeek.None;
    }

    public static string ToWire(this IsoDayOfWeek day) => day.ToString().ToLowerInvariant();
}
