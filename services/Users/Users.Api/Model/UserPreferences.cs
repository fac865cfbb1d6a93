namespace ExecutiveDashboard.Users.Model;

/// <summary>A person's reading settings as stored: an IANA time zone id, the first day of the week (<c>monday</c> …
/// <c>sunday</c>) and when they were last saved.</summary>
public sealed record UserPreferences(string TimeZone, string WeekStart, DateTimeOffset UpdatedAt);
