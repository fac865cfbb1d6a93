using System.Globalization;
using System.Text.Json.Nodes;

namespace Users.IntegrationTests;

/// <summary>Builds ingest events as the platform sends them: plain JSON.</summary>
public static class Events
{
    public static JsonObject SignedUp(string eventId, string workspace, string user, DateTime at, string name, string? email = null) => new()
    {
        ["eventId"] = eventId,
        ["type"] = "user.signed_up",
        ["workspaceId"] = workspace,
        ["userId"] = user,
        ["occurredAt"] = Iso(at),
        ["name"] = name,
        ["email"] = email,
    };

    public static JsonObject Active(string eventId, string workspace, string user, DateTime at) => new()
    {
        ["eventId"] = eventId,
        ["type"] = "user.active",
        ["workspaceId"] = workspace,
        ["userId"] = user,
        ["occurredAt"] = Iso(at),
    };

    public static DateTime At(string iso) =>
        DateTime.Parse(iso, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);

    public static string Iso(DateTime t) => t.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    public static StringContent Batch(params JsonNode[] events) => Body(new JsonArray(events.Select(e => e.DeepClone()).ToArray()).ToJsonString());

    public static StringContent Body(string json) => new(json, System.Text.Encoding.UTF8, "application/json");
}
