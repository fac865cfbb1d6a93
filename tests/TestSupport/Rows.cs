using System.Net;
using System.Text.Json.Nodes;
using Xunit;

namespace ExecutiveDashboard.TestSupport;

/// <summary>Tables of requests checked in one test: every row runs, and one failure lists each row that failed.</summary>
public static class Rows
{
    /// <summary>Runs every row one after the other, and fails once with every row that failed.</summary>
    public static async Task ExpectAllAsync(IEnumerable<Func<Task<string?>>> rows)
    {
        var failures = new List<string>();
        var count = 0;
        foreach (var row in rows)
        {
            count++;
            if (await row() is { } failure)
            {
                failures.Add(failure);
            }
        }
        Assert.True(count > 0, "the table has no rows here");
        Assert.True(failures.Count == 0, $"{failures.Count} of {count} rows failed:\n{string.Join('\n', failures)}");
    }

    /// <summary>What is wrong with an answer, or null. <paramref name="expected"/> null: any status below 500, and a
    /// problem when it is a 4xx. A 4xx must be an RFC 7807 problem; <paramref name="named"/> must be a key of its errors.</summary>
    public static async Task<string?> ProblemFailureAsync(HttpResponseMessage response, HttpStatusCode? expected, string? named)
    {
        var status = (int)response.StatusCode;
        var body = await response.Content.ReadAsStringAsync();
        var shown = body.Length > 300 ? body[..300] + "…" : body;
        if (expected is { } wanted ? response.StatusCode != wanted : status >= 500)
        {
            return $"{status} instead of {(expected is null ? "anything below 500" : (int)expected)}: {shown}";
        }
        if (status < 400)
        {
            return null;
        }
        if (response.Content.Headers.ContentType?.MediaType != "application/problem+json")
        {
            return $"{status} as {response.Content.Headers.ContentType?.MediaType ?? "no content type"}, not an RFC 7807 problem: {shown}";
        }
        // Names compared without case, as query names are bound.
        if (named is not null && (JsonNode.Parse(body)?["errors"] as JsonObject)?.Any(e => string.Equals(e.Key, named, StringComparison.OrdinalIgnoreCase)) != true)
        {
            return $"{status} without an error for '{named}': {shown}";
        }
        return null;
    }

    /// <summary>A row: GET <paramref name="pathAndQuery"/> answers <paramref name="expected"/> (a problem naming
    /// <paramref name="named"/> when it is a 4xx).</summary>
    public static Func<Task<string?>> Get(HttpClient client, string name, string pathAndQuery, string? named,
        HttpStatusCode expected = HttpStatusCode.BadRequest) =>
        async () =>
        {
            using var response = await client.GetAsync(pathAndQuery);
            return await ProblemFailureAsync(response, expected, named) is { } failure ? $"{name}: {failure}" : null;
        };
}
