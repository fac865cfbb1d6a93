using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using ExecutiveDashboard.Contracts.Metrics;

namespace ExecutiveDashboard.Exports.Digests;

/// <summary>
/// Reads the body of <c>PUT /api/users/me/digests</c>: <c>{ "digests": [ { "id"?, "scope", "cadence", "weekday"?,
/// "localTime", "timeZone", "email" }, … ] }</c>, the whole list of the person's digests (at most
/// <see cref="MaxDigests"/>). Every field is checked; errors name it as <c>digests[2].timeZone</c>. Other properties are
/// ignored. Whether the token grants each scope is the endpoint's to check.
/// </summary>
public static partial class DigestRequest
{
    public const int MaxDigests = 10;

    /// <summary>Ten digests are well under 4 KiB; anything much larger is not a list of digests.</summary>
    public const int MaxBytes = 16 * 1024;

    public const int MaxEmailLength = 254;

    public static (IReadOnlyList<DigestSettings>? Digests, Dictionary<string, string[]> Errors) Parse(JsonElement root)
    {
        var errors = new Dictionary<string, string[]>();
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("digests", out var list) || list.ValueKind != JsonValueKind.Array)
        {
            errors["digests"] = ["required: an array of { scope, cadence, weekday, localTime, timeZone, email }"];
            return (null, errors);
        }
        if (list.GetArrayLength() > MaxDigests)
        {
            errors["digests"] = [$"at most {MaxDigests} digests, not {list.GetArrayLength()}"];
            return (null, errors);
        }

        var digests = new List<DigestSettings>();
        var ids = new HashSet<Guid>();
        var i = 0;
        foreach (var item in list.EnumerateArray())
        {
            var at = $"digests[{i++}]";
            if (item.ValueKind != JsonValueKind.Object)
            {
                errors[at] = ["must be an object { scope, cadence, weekday, localTime, timeZone, email }"];
                continue;
            }
            Guid? id = null;
            if (item.TryGetProperty("id", out var idValue) && idValue.ValueKind != JsonValueKind.Null)
            {
                if (idValue.ValueKind != JsonValueKind.String || !Guid.TryParseExact(idValue.GetString(), "D", out var parsed) || !ids.Add(parsed))
                {
                    errors[$"{at}.id"] = ["must be the id of one of your digests (as GET answers it), each at most once, or absent for a new one"];
                }
                else
                {
                    id = parsed;
                }
            }
            var scope = Text(item, "scope", at, errors, Scopes.IsValid, Scopes.Rule);
            var cadence = Text(item, "cadence", at, errors, DigestCadence.All.Contains, "must be 'daily' or 'weekly'");
            var localTime = Text(item, "localTime", at, errors, IsLocalTime, "must be a local time HH:mm, from 00:00 to 23:59");
            var timeZone = Text(item, "timeZone", at, errors, z => ReaderCalendar.ZoneOrNull(z) is not null, ReaderCalendar.ZoneRule);
            var email = Text(item, "email", at, errors, IsEmail, $"must be one e-mail address (local@domain, at most {MaxEmailLength} characters, no name or comments)");
            string? weekday = null;
            var hasWeekday = item.TryGetProperty("weekday", out var weekdayValue) && weekdayValue.ValueKind != JsonValueKind.Null;
            if (cadence == DigestCadence.Weekly)
            {
                weekday = Text(item, "weekday", at, errors, DigestSettings.Weekdays.Contains, "a weekly digest needs a weekday: 'monday' … 'sunday'");
            }
            else if (hasWeekday && cadence is not null)
            {
                errors[$"{at}.weekday"] = ["only a weekly digest has a weekday: leave it out or null for a daily one"];
            }
            if (scope is not null && cadence is not null && localTime is not null && timeZone is not null && email is not null
                && (cadence == DigestCadence.Daily || weekday is not null))
            {
                digests.Add(new DigestSettings(id, scope, cadence, weekday, localTime, timeZone, email));
            }
        }
        return errors.Count > 0 ? (null, errors) : (digests, errors);
    }

    private static string? Text(JsonElement item, string name, string at, Dictionary<string, string[]> errors, Func<string, bool> valid, string rule)
    {
        if (item.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && valid(value.GetString()!))
        {
            return value.GetString()!;
        }
        errors[$"{at}.{name}"] = [rule];
        return null;
    }

    private static bool IsLocalTime(string text) =>
        text.Length == 5 && TimeOnly.TryParseExact(text, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out _);

    /// <summary>A bare address as mail servers take it: no display name, comment, quoting, spaces or control characters
    /// (nothing that could add a header or a second recipient), a dotted or single-label host name.</summary>
    public static bool IsEmail(string text) => text.Length <= MaxEmailLength && Email().IsMatch(text) && text.IndexOf('@') <= 64;

    [GeneratedRegex(@"^[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*\z")]
    private static partial Regex Email();
}
