using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace ExecutiveDashboard.Benchmarks;

/// <summary>Development tokens from the gateway's <c>/api/dev/token</c>, every mode's way to sign in.</summary>
public static class DevTokens
{
    /// <summary>A token of <paramref name="role"/> for every workspace; <paramref name="name"/> makes it a person of its own.</summary>
    public static async Task<string> GetAsync(HttpClient http, string role, string? name = null)
    {
        while (true)
        {
            using var response = await http.PostAsJsonAsync("/api/dev/token", new { role, workspaces = "*", name = name ?? $"Benchmark {role}" });
            if (response.StatusCode == System.Net.HttpStatusCode.TooManyRequests)
            {
                // The gateway's limit of requests without a token, per address: wait as told.
                await Task.Delay(response.Headers.RetryAfter?.Delta ?? TimeSpan.FromSeconds(1));
                continue;
            }
            response.EnsureSuccessStatusCode();
            return (await response.Content.ReadFromJsonAsync<JsonObject>())!["token"]!.GetValue<string>();
        }
    }
}
