using System.Text.Json;
using ExecutiveDashboard.Contracts.Metrics;

namespace ExecutiveDashboard.Users.Preferences;

/// <summary>
/// Reads the body of <c>PUT /api/users/me/preferences</c>: <c>{ "timeZone": "Asia/Kolkata", "weekStart": "monday" }</c>, both
/// required, checked as the dashboard reads check <c>tz</c> and <c>weekStart</c> (an id of the tzdb the services embed, so
/// that a saved zone is always one every read accepts). Other properties are ignored.
/// </summary>
public static class PreferencesRequest
{
    /// <summary>Two short strings are under 100 bytes; anything much larger is not a preference.</summary>
    public const int MaxBytes = 4 * 1024;

    public static ((string TimeZone, string WeekStart)? Preferences, Dictionary<string, string[]> Errors) Parse(JsonElement root)
    {
        var errors = new Dictionary<string, string[]>();
        if (root.ValueKind != JsonValueKind.Object)
        {
            errors["$"] = ["the body must be a JSON object { \"timeZone\": …, \"weekStart\": … }"];
            return (null, errors);
        }
        var timeZone = root.TryGetProperty("timeZone", out var zone) && zone.ValueKind == JsonValueKind.String ? zone.GetString() : null;
        if (ReaderCalendar.ZoneOrNull(timeZone) is null)
        {
            errors["timeZone"] = [$"required: a string that {ReaderCalendar.ZoneRule}"];
        }
        var weekStart = root.TryGetProperty("weekStart", out var week) && week.ValueKind == JsonValueKind.String ? week.GetString() : null;
        if (!WeekStarts.TryParse(weekStart, out _))
        {
            errors["weekStart"] = [$"required: one of {WeekStarts.Allowed}"];
        }
        return errors.Count > 0 ? (null, errors) : ((timeZone!, weekStart!), errors);
    }
}
