using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace ExecutiveDashboard.TestSupport;

/// <summary>Times and bodies of ingest requests as the platform sends them: plain JSON, UTC ISO-8601 times.
/// The integration-test projects import it with a global <c>using static</c>.</summary>
public static class IngestJson
{
    public static DateTime At(string iso) =>
        DateTime.Parse(iso, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);

    public static string Iso(DateTime t) => t.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    /// <summary>A JSON array of (copies of) the events.</summary>
    public static StringContent Batch(params JsonNode[] events) => Body(new JsonArray(events.Select(e => e.DeepClone()).ToArray()).ToJsonString());

    public static StringContent Body(string json) => new(json, Encoding.UTF8, "application/json");
}
