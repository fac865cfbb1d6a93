using System.Net;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.JsonWebTokens;

namespace ExecutiveDashboard.EndToEndTests;

/// <summary>Reads the exports audit (<c>GET /api/exports/audit</c>) through the gateway as a client would, page by page.</summary>
internal static class ExportsAudit
{
    public const string Path = "/api/exports/audit";

    /// <summary>Every record the query selects, newest first, following <c>next</c> to the last page.</summary>
    /// <param name="query">Filters as sent, e.g. <c>subject=dev:…</c>; empty for all the reader may see.</param>
    public static async Task<List<JsonObject>> ListAsync(HttpClient reader, string query, int limit = 200)
    {
        var records = new List<JsonObject>();
        string? cursor = null;
        do
        {
            var page = await PageAsync(reader, $"{query}&limit={limit}" + (cursor is null ? "" : $"&cursor={Uri.EscapeDataString(cursor)}"));
            records.AddRange(page["items"]!.AsArray().Select(r => r!.AsObject()));
            cursor = (string?)page["next"];
        }
        while (cursor is not null);
        return records;
    }

    public static async Task<JsonObject> PageAsync(HttpClient reader, string query)
    {
        using var response = await reader.GetAsync($"{Path}?{query.TrimStart('&')}");
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{Path}?{query}: {(int)response.StatusCode} {body}");
        return JsonNode.Parse(body)!.AsObject();
    }

    /// <summary><c>GET /api/exports/audit/verify</c>: <c>{ records, valid, firstInvalidId }</c>.</summary>
    public static async Task<JsonObject> VerifyAsync(HttpClient reader)
    {
        using var response = await reader.GetAsync($"{Path}/verify");
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{Path}/verify: {(int)response.StatusCode} {body}");
        return JsonNode.Parse(body)!.AsObject();
    }

    /// <summary>The one record with this id among those of <paramref name="query"/>.</summary>
    public static async Task<JsonObject> RecordAsync(HttpClient reader, string query, Guid id)
    {
        var records = await ListAsync(reader, query);
        return Assert.Single(records, r => Guid.Parse((string)r["id"]!) == id);
    }

    /// <summary>The filter of the records of the client's token.</summary>
    public static string BySubject(HttpClient client) => $"subject={Uri.EscapeDataString(SubjectOf(client))}";

    /// <summary>The <c>sub</c> of the client's token, the audit's <c>subject</c>.</summary>
    public static string SubjectOf(HttpClient client) => new JsonWebToken(client.DefaultRequestHeaders.Authorization!.Parameter).Subject;
}
