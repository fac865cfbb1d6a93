using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ExecutiveDashboard.Contracts.Dashboard;

namespace ExecutiveDashboard.EndToEndTests;

/// <summary>Events as the platform sends them (docs/events.md), built as JSON exactly as a client would write them.</summary>
internal static class Events
{
    public static JsonObject SignedUp(string id, string workspace, string user, string at, string name) => new()
    {
        ["eventId"] = id, ["type"] = "user.signed_up", ["workspaceId"] = workspace, ["userId"] = user,
        ["occurredAt"] = at, ["name"] = name, ["email"] = $"{user}@example.com",
    };

    public static JsonObject Active(string id, string workspace, string user, string at) => new()
    {
        ["eventId"] = id, ["type"] = "user.active", ["workspaceId"] = workspace, ["userId"] = user, ["occurredAt"] = at,
    };

    public static JsonObject AgentCreated(string id, string workspace, string agent, string name, string at) => new()
    {
        ["eventId"] = id, ["type"] = "agent.created", ["workspaceId"] = workspace, ["agentId"] = agent,
        ["agentName"] = name, ["occurredAt"] = at,
    };

    /// <summary>A completed run; <c>startedAt</c> is <paramref name="runtimeSeconds"/> before <paramref name="completedAt"/>.</summary>
    public static JsonObject Run(string id, string workspace, string agent, string agentName, string user, bool succeeded,
        string completedAt, int runtimeSeconds, decimal credits)
    {
        var completed = Utc(completedAt);
        return new JsonObject
        {
            ["eventId"] = id, ["type"] = "run.completed", ["workspaceId"] = workspace, ["runId"] = $"run-{id}",
            ["agentId"] = agent, ["agentName"] = agentName, ["userId"] = user,
            ["status"] = succeeded ? "succeeded" : "failed",
            ["startedAt"] = Iso(completed.AddSeconds(-runtimeSeconds)), ["completedAt"] = Iso(completed),
            ["credits"] = credits, ["errorCode"] = succeeded ? null : "E_TIMEOUT",
        };
    }

    public static JsonObject TrialStarted(string id, string workspace, string at, string endsAt) => new()
    {
        ["eventId"] = id, ["type"] = "trial.started", ["workspaceId"] = workspace, ["plan"] = "pro",
        ["occurredAt"] = at, ["trialEndsAt"] = endsAt,
    };

    public static JsonObject TrialEnded(string id, string workspace, string at) => new()
    {
        ["eventId"] = id, ["type"] = "trial.ended", ["workspaceId"] = workspace, ["occurredAt"] = at,
    };

    public static JsonObject SubscriptionStarted(string id, string workspace, string at, string plan, string interval, decimal amount) => new()
    {
        ["eventId"] = id, ["type"] = "subscription.started", ["workspaceId"] = workspace, ["plan"] = plan,
        ["interval"] = interval, ["amount"] = amount, ["currency"] = "USD", ["occurredAt"] = at,
    };

    public static JsonObject SubscriptionChanged(string id, string workspace, string at, string plan, string interval, decimal amount) => new()
    {
        ["eventId"] = id, ["type"] = "subscription.changed", ["workspaceId"] = workspace, ["plan"] = plan,
        ["interval"] = interval, ["amount"] = amount, ["currency"] = "USD", ["occurredAt"] = at,
    };

    public static JsonObject SubscriptionCanceled(string id, string workspace, string at) => new()
    {
        ["eventId"] = id, ["type"] = "subscription.canceled", ["workspaceId"] = workspace, ["occurredAt"] = at,
    };

    public static JsonObject MarketingSpend(string id, string at, decimal amount) => new()
    {
        ["eventId"] = id, ["type"] = "marketing.spend", ["amount"] = amount, ["currency"] = "USD",
        ["occurredAt"] = at, ["channel"] = "search-ads",
    };

    public static DateTime Utc(string iso) =>
        DateTime.Parse(iso, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);

    public static string Iso(DateTime t) => t.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>POSTs one batch through the gateway and checks that every event was accepted as new.</summary>
    public static async Task PostAsync(HttpClient ingest, string path, params JsonObject[] events)
    {
        var body = new JsonArray(events.Select(e => (JsonNode)e.DeepClone()).ToArray()).ToJsonString();
        using var response = await ingest.PostAsync(path, new StringContent(body, Encoding.UTF8, "application/json"));
        var answer = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"{path}: {(int)response.StatusCode} {answer}");
        var result = JsonNode.Parse(answer)!;
        Assert.Equal(events.Length, result["accepted"]!.GetValue<int>());
        Assert.Equal(0, result["duplicates"]!.GetValue<int>());
    }
}

/// <summary>Reads the overview as raw JSON and compares it field by field with an expected
/// <see cref="ExecutiveDashboardData"/>, reporting every difference with its path.</summary>
internal static class OverviewJson
{
    public const string P95Path = "executionMetrics.p95Runtime";

    public static async Task<JsonObject> ReadAsync(HttpClient client, string scope, string timeframe, string asOf)
    {
        using var response = await client.GetAsync($"/api/executive/overview?workspace_id={scope}&timeframe={timeframe}&asOf={asOf}");
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"overview {scope} {timeframe} {asOf}: {(int)response.StatusCode} {body}");
        return JsonNode.Parse(body)!.AsObject();
    }

    /// <summary>Reads until <paramref name="done"/> holds or <paramref name="timeout"/> has passed; returns the last answer.</summary>
    public static async Task<(JsonObject Answer, TimeSpan Elapsed, bool Done)> ReadUntilAsync(
        HttpClient client, string scope, string timeframe, string asOf, Func<JsonObject, bool> done, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var answer = await ReadAsync(client, scope, timeframe, asOf);
            if (done(answer))
            {
                return (answer, clock.Elapsed, true);
            }
            if (clock.Elapsed > timeout)
            {
                return (answer, clock.Elapsed, false);
            }
            await Task.Delay(50);
        }
    }

    /// <summary>The expected answer as JSON, without the fields that are not reproducible
    /// (<c>meta.generatedAt</c>, <c>meta.cached</c>) or not numbers (<c>meta.metricInfo</c>).</summary>
    public static JsonObject Comparable(ExecutiveDashboardData expected) =>
        Comparable(JsonSerializer.SerializeToNode(expected, JsonSerializerOptions.Web)!.AsObject());

    public static JsonObject Comparable(JsonObject answer)
    {
        var copy = answer.DeepClone().AsObject();
        var meta = copy["meta"]!.AsObject();
        meta.Remove("generatedAt");
        meta.Remove("cached");
        meta.Remove("metricInfo");
        return copy;
    }

    /// <summary>Every difference between two JSON trees: numbers compare by value (p95 within 2 % of the
    /// expected percentile_cont, docs/metrics.md), times by instant, everything else exactly.</summary>
    public static List<string> Diff(JsonNode? expected, JsonNode? actual, string path = "")
    {
        var differences = new List<string>();
        Walk(expected, actual, path, differences);
        return differences;
    }

    private static void Walk(JsonNode? expected, JsonNode? actual, string path, List<string> differences)
    {
        switch (expected, actual)
        {
            case (null, null):
                return;
            case (null, _) or (_, null):
                differences.Add($"{path}: expected {Show(expected)}, got {Show(actual)}");
                return;
            case (JsonObject e, JsonObject a):
                foreach (var key in e.Select(p => p.Key).Union(a.Select(p => p.Key)))
                {
                    var child = path.Length == 0 ? key : $"{path}.{key}";
                    if (!e.ContainsKey(key) || !a.ContainsKey(key))
                    {
                        differences.Add($"{child}: {(e.ContainsKey(key) ? "missing from the answer" : $"unexpected {Show(a[key])}")}");
                        continue;
                    }
                    Walk(e[key], a[key], child, differences);
                }
                return;
            case (JsonArray e, JsonArray a):
                if (e.Count != a.Count)
                {
                    differences.Add($"{path}: expected {e.Count} items, got {a.Count}: {Show(a)}");
                    return;
                }
                for (var i = 0; i < e.Count; i++)
                {
                    Walk(e[i], a[i], $"{path}[{i}]", differences);
                }
                return;
            case (JsonValue e, JsonValue a):
                if (!SameValue(e, a, path))
                {
                    differences.Add($"{path}: expected {Show(e)}, got {Show(a)}");
                }
                return;
            default:
                differences.Add($"{path}: expected {Show(expected)}, got {Show(actual)}");
                return;
        }
    }

    private static bool SameValue(JsonValue expected, JsonValue actual, string path)
    {
        var (e, a) = (expected.GetValueKind(), actual.GetValueKind());
        if (e == JsonValueKind.Number && a == JsonValueKind.Number)
        {
            var (x, y) = (Number(expected), Number(actual));
            return path == P95Path ? Math.Abs(y - x) <= Math.Abs(x) * 0.02m : x == y;
        }
        if (e == JsonValueKind.String && a == JsonValueKind.String)
        {
            var (x, y) = (expected.GetValue<string>(), actual.GetValue<string>());
            return x == y || (IsTime(x, out var tx) && IsTime(y, out var ty) && tx == ty);
        }
        return e == a && expected.ToJsonString() == actual.ToJsonString();
    }

    private static decimal Number(JsonValue value) => decimal.Parse(value.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture);

    private static bool IsTime(string value, out DateTimeOffset time)
    {
        time = default;
        return value.Contains('T') && DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out time);
    }

    private static string Show(JsonNode? node)
    {
        var text = node?.ToJsonString() ?? "null";
        return text.Length > 400 ? text[..400] + "…" : text;
    }
}

/// <summary>Expected trend series: every bucket of a period, zero unless a value is given.</summary>
internal static class Trend
{
    /// <summary>A series of <paramref name="count"/> buckets from <paramref name="first"/>, <paramref name="step"/> apart,
    /// 0 except at the given indexes.</summary>
    public static List<TimeSeriesPoint> Points(string first, TimeSpan step, int count, Dictionary<int, double>? values = null)
    {
        var start = Events.Utc(first);
        return Enumerable.Range(0, count)
            .Select(i => new TimeSeriesPoint(start + step * i, values?.GetValueOrDefault(i) ?? 0))
            .ToList();
    }

    /// <summary>An execution series: runs, successful and failed per bucket, (0, 0, 0) unless given.</summary>
    public static List<TimeSeriesPoint> Runs(string first, TimeSpan step, int count, Dictionary<int, (long Runs, long Succeeded, long Failed)> values)
    {
        var start = Events.Utc(first);
        return Enumerable.Range(0, count)
            .Select(i =>
            {
                var (runs, succeeded, failed) = values.GetValueOrDefault(i);
                return new TimeSeriesPoint(start + step * i, runs, null, succeeded, failed);
            })
            .ToList();
    }

    /// <summary>A step function: from each given index on, the given value (the revenue trend is MRR at each bucket's end).</summary>
    public static List<TimeSeriesPoint> Steps(string first, TimeSpan step, int count, params (int From, double Value)[] steps)
    {
        var start = Events.Utc(first);
        return Enumerable.Range(0, count)
            .Select(i => new TimeSeriesPoint(start + step * i, steps.LastOrDefault(s => s.From <= i).Value))
            .ToList();
    }
}
