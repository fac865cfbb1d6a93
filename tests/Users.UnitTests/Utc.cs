using System.Globalization;

namespace ExecutiveDashboard.Users.UnitTests;

internal static class Utc
{
    /// <summary>An ISO 8601 time without offset, read as UTC.</summary>
    public static DateTime At(string iso) =>
        DateTime.SpecifyKind(DateTime.Parse(iso, CultureInfo.InvariantCulture), DateTimeKind.Utc);
}
