using System.Text.Json.Nodes;

namespace ExecutiveDashboard.Benchmarks;

/// <summary>
/// A deterministic platform of the size: workspaces with users, agents, runs over the last
/// <see cref="Days"/> days, trials and subscriptions, and marketing spend. Every event is plain JSON,
/// sent through the gateway like any other client's.
/// </summary>
public sealed class Dataset(int workspaces, int users, long runs, int subscriptions, int days, int seed, DateTime end)
{
    public int Days => days;

    private string Workspace(int i) => $"bw_{i:D5}";

    private static string Iso(DateTime t) => t.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'");

    public IEnumerable<JsonObject> UserSignups()
    {
        var random = new Random(seed);
        for (var u = 0; u < users; u++)
        {
            yield return new JsonObject
            {
                ["eventId"] = $"bench-signup-{u}",
                ["type"] = "user.signed_up",
                ["workspaceId"] = Workspace(u % workspaces),
                ["userId"] = $"bu_{u}",
                ["occurredAt"] = Iso(end.AddDays(-days).AddSeconds(random.Next(0, days * 86_400))),
                ["name"] = $"User {u}",
            };
        }
    }

    /// <summary>Runs spread evenly over the period in time order, as a platform reports them; about 40 % of
    /// users run agents.</summary>
    public IEnumerable<JsonObject> Runs(long from, long count)
    {
        var span = (long)TimeSpan.FromDays(days).TotalMilliseconds;
        for (var i = from; i < from + count && i < runs; i++)
        {
            var random = new Random(unchecked(seed * 31 + (int)i));
            var workspace = (int)(i % workspaces);
            var user = workspace + workspaces * random.Next(0, Math.Max(1, (int)(users * 0.4) / workspaces));
            var runtime = Math.Round(0.5 + random.NextDouble() * random.Next(1, 600), 3);
            var completed = end.AddDays(-days).AddMilliseconds((i + random.NextDouble()) * span / runs);
            yield return new JsonObject
            {
                ["eventId"] = $"bench-run-{i}",
                ["type"] = "run.completed",
                ["workspaceId"] = Workspace(workspace),
                ["runId"] = $"br_{i}",
                ["agentId"] = $"ag_{random.Next(0, 5)}",
                ["userId"] = $"bu_{user}",
                ["status"] = random.NextDouble() < 0.08 ? "failed" : "succeeded",
                ["startedAt"] = Iso(completed.AddSeconds(-runtime)),
                ["completedAt"] = Iso(completed),
                ["credits"] = Math.Round(random.NextDouble() * 20, 2),
            };
        }
    }

    public IEnumerable<JsonObject> Billing()
    {
        var random = new Random(seed + 1);
        for (var s = 0; s < subscriptions; s++)
        {
            var workspace = Workspace(s % workspaces);
            var started = end.AddDays(-days).AddSeconds(random.Next(0, days * 86_400));
            yield return new JsonObject
            {
                ["eventId"] = $"bench-sub-{s}",
                ["type"] = s < workspaces ? "subscription.started" : "subscription.changed",
                ["workspaceId"] = workspace,
                ["plan"] = random.Next(0, 3) switch { 0 => "starter", 1 => "pro", _ => "team" },
                ["interval"] = random.Next(0, 5) == 0 ? "year" : "month",
                ["amount"] = random.Next(2, 50) * 10,
                ["currency"] = "USD",
                ["occurredAt"] = Iso(s < workspaces ? started : end.AddDays(-random.Next(0, days / 2))),
            };
            if (s < workspaces && random.Next(0, 12) == 0)
            {
                yield return new JsonObject
                {
                    ["eventId"] = $"bench-cancel-{s}",
                    ["type"] = "subscription.canceled",
                    ["workspaceId"] = workspace,
                    ["occurredAt"] = Iso(end.AddDays(-random.Next(0, 20))),
                };
            }
        }
        for (var d = 0; d < days; d++)
        {
            yield return new JsonObject
            {
                ["eventId"] = $"bench-spend-{d}",
                ["type"] = "marketing.spend",
                ["amount"] = 1_000 + random.Next(0, 4_000),
                ["currency"] = "USD",
                ["occurredAt"] = Iso(end.AddDays(-d - 1)),
                ["channel"] = "search-ads",
            };
        }
    }
}
