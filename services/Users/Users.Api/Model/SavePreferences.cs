namespace ExecutiveDashboard.Users.Model;

/// <summary>The body of <c>PUT /api/users/me/preferences</c>, for the API's description; the endpoint reads it with
/// <see cref="Preferences.PreferencesRequest"/>.</summary>
/// <param name="TimeZone">An IANA time zone id, e.g. <c>Asia/Kolkata</c>.</param>
/// <param name="WeekStart"><c>monday</c> … <c>sunday</c>.</param>
public sealed record SavePreferences(string TimeZone, string WeekStart);
