using System.Text.Json;
using Xunit;

namespace ExecutiveDashboard.TestSupport;

/// <summary>What every OpenAPI document of the app must say (ServiceDefaults' OpenApi): each route named and summarised with
/// the statuses it answers, the bearer scheme, a 401 and a 403 on each route that needs a token, and no server, so that the
/// gateway's API reference sends "try it" requests to the gateway.</summary>
public static class OpenApiAssertions
{
    private static readonly string[] Methods = ["get", "put", "post", "delete", "patch", "head", "options", "connect"];

    /// <returns>The operations' ids.</returns>
    public static IReadOnlyList<string> EveryOperationDescribed(JsonElement document)
    {
        Assert.Equal("http", document.GetProperty("components").GetProperty("securitySchemes").GetProperty("Bearer").GetProperty("type").GetString());
        Assert.False(document.TryGetProperty("servers", out var servers) && servers.GetArrayLength() > 0, "the document names a server");

        var ids = new List<string>();
        foreach (var path in document.GetProperty("paths").EnumerateObject())
        {
            foreach (var operation in path.Value.EnumerateObject().Where(o => Methods.Contains(o.Name)))
            {
                var where = $"{operation.Name.ToUpperInvariant()} {path.Name}";
                var described = operation.Value;
                Assert.True(described.TryGetProperty("operationId", out var id), $"{where} has no name (WithName)");
                Assert.False(string.IsNullOrWhiteSpace(described.TryGetProperty("summary", out var summary) ? summary.GetString() : null),
                    $"{where} has no summary (WithSummary)");
                var responses = described.GetProperty("responses");
                Assert.True(responses.EnumerateObject().Any(r => r.Name.StartsWith('2') || r.Name == "101"), $"{where} names no success");
                if (described.TryGetProperty("security", out _))
                {
                    Assert.True(responses.TryGetProperty("401", out _) && responses.TryGetProperty("403", out _), $"{where} needs a token but names no 401 and 403");
                }
                ids.Add(id.GetString()!);
            }
        }
        return ids;
    }
}
