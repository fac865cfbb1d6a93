using System.Net;
using System.Security.Cryptography;
using System.Text.Json.Nodes;

namespace ExecutiveDashboard.EndToEndTests;

/// <summary>One answer of <c>GET /api/exports/dashboard</c> through the gateway, as it came: status, the headers of the
/// exports contract (docs/exports.md, Download) and the body's bytes.</summary>
internal sealed record ExportAnswer(
    HttpStatusCode Status, string? ContentType, string? ContentDisposition, string? ExportId, string? Sha256, string? RetryAfter, byte[] Body)
{
    public const string Path = "/api/exports/dashboard";

    /// <param name="query">The query string as sent, e.g. <c>workspace_id=ws&amp;timeframe=7d&amp;format=csv</c>.</param>
    public static async Task<ExportAnswer> GetAsync(HttpClient client, string query)
    {
        using var response = await client.GetAsync($"{Path}?{query}");
        var body = await response.Content.ReadAsByteArrayAsync();
        string? Header(string name) =>
            response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
                ? string.Join(", ", values)
                : null;
        return new(response.StatusCode, Header("Content-Type"), Header("Content-Disposition"), Header("X-Export-Id"),
            Header("X-Content-SHA256"), Header("Retry-After"), body);
    }

    /// <summary>The audit record's id this answer names; fails the test when it names none.</summary>
    public Guid AuditId => Guid.TryParse(ExportId, out var id) ? id : throw new Xunit.Sdk.XunitException(
        $"X-Export-Id is not a GUID: '{ExportId}' ({(int)Status} {ContentType})");

    /// <summary>Lower-case hex SHA-256 of the body, as <c>X-Content-SHA256</c> must state it.</summary>
    public string BodySha256 => Convert.ToHexStringLower(SHA256.HashData(Body));

    /// <summary>The RFC 7807 problem of a refusal; fails the test when the answer is not one.</summary>
    public JsonObject Problem()
    {
        Assert.True(ContentType?.Split(';')[0] == "application/problem+json", $"{(int)Status}: Content-Type '{ContentType}', not a problem");
        var problem = JsonNode.Parse(Body)!.AsObject();
        Assert.Equal((int)Status, problem["status"]!.GetValue<int>());
        return problem;
    }

    public override string ToString() => $"{(int)Status} {ContentType} {ExportId}: {System.Text.Encoding.UTF8.GetString(Body.AsSpan(0, Math.Min(Body.Length, 300)))}";
}
