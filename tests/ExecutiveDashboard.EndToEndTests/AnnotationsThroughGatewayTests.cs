using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ExecutiveDashboard.TestSupport;

namespace ExecutiveDashboard.EndToEndTests;

/// <summary>
/// Annotations through the gateway: written on its public route <c>/api/annotations</c>, which it proxies to the alerts
/// service, and composed into the overview from the same call as activeAlerts. A workspace's overview holds its own and the
/// platform's ('all') annotations, never another workspace's; one written after the overview was cached shows at once (the
/// write's MetricsChanged drops the scope's cached answers; a platform-wide one's drops those of every workspace with data).
/// </summary>
[Collection(DashboardAppCollection.Name)]
public sealed class AnnotationsThroughGatewayTests(DashboardApp app)
{
    private const string Workspace = "hand_ann", Other = "hand_ann_other";

    [Fact]
    public async Task A_workspace_s_overview_holds_its_own_and_the_platform_s_annotations_and_never_another_workspace_s()
    {
        var ingest = await app.SignInAsync("ingest", $"{Workspace} {Other}");
        var platform = await app.SignInAsync("admin", "*");
        var ceo = await app.SignInAsync("ceo", Workspace);
        var otherCeo = await app.SignInAsync("ceo", Other);
        var now = DateTime.UtcNow;
        // A run: the workspace has data, which the alerts service hears of (and a platform-wide note then tells it).
        await Events.PostAsync(ingest, "/api/executions/events",
            Events.Run("ann-r1", Workspace, "ag_ann", "Note Bot", "u_ann", true, Events.Iso(now.AddHours(-1)), 5, 1.00m));
        var (_, _, counted) = await OverviewJson.ReadUntilAsync(ceo, Workspace, "24h", Events.Iso(now.AddMinutes(1)),
            a => (int?)a["executionMetrics"]?["totalRuns"] == 1, TimeSpan.FromSeconds(20));
        Assert.True(counted, "the run never reached the overview");

        var everywhere = await AddAsync(platform, now.AddHours(-3), "all", "deploy", "Platform release 7.0");
        var own = await AddAsync(ingest, now.AddHours(-2), Workspace, "campaign", "Winter campaign mail");
        var others = await AddAsync(ingest, now.AddHours(-2), Other, "incident", "The other workspace's outage");
        await AddAsync(ingest, now.AddHours(-30), Workspace, "note", "Before the 24 hours");

        Assert.Equal([everywhere, own], await AnnotationsAsync(ceo, Workspace));
        Assert.Equal([everywhere, others], await AnnotationsAsync(otherCeo, Other));

        // Cached now; a new one shows without waiting for the cache to expire.
        var later = await AddAsync(ceo, now.AddMinutes(-5), Workspace, "note", "Price page A/B test starts");
        await Poll.UntilAsync("the new annotation in the overview", async () => (await AnnotationsAsync(ceo, Workspace)).Contains(later),
            TimeSpan.FromSeconds(30));
        Assert.DoesNotContain(later, await AnnotationsAsync(otherCeo, Other));
        var platformLater = await AddAsync(platform, now.AddMinutes(-4), "all", "incident", "Model provider outage");
        await Poll.UntilAsync("the new platform-wide annotation in the workspace's overview",
            async () => (await AnnotationsAsync(ceo, Workspace)).Contains(platformLater), TimeSpan.FromSeconds(30));

        using var refused = await ceo.PostAsJsonAsync("/api/annotations", new { at = now, scope = Other, kind = "note", text = "not mine" });
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        using var listedElsewhere = await ceo.GetAsync($"/api/annotations?workspace_id={Other}");
        Assert.Equal(HttpStatusCode.Forbidden, listedElsewhere.StatusCode);
    }

    private static async Task<string> AddAsync(HttpClient client, DateTime at, string scope, string kind, string text)
    {
        using var response = await client.PostAsJsonAsync("/api/annotations", new { at, scope, kind, text });
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, body);
        return Key(JsonNode.Parse(body)!);
    }

    private static async Task<List<string>> AnnotationsAsync(HttpClient client, string scope)
    {
        using var response = await client.GetAsync($"/api/executive/overview?workspace_id={scope}&timeframe=24h");
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        var answer = JsonNode.Parse(body)!;
        Assert.Empty(answer["meta"]!["degraded"]!.AsArray());
        return answer["annotations"]!.AsArray().Select(a => Key(a!)).ToList();
    }

    /// <summary>What the overview must show of an annotation, as one comparable string.</summary>
    private static string Key(JsonNode a) =>
        $"{a["id"]} {a["scope"]} {a["kind"]} {a["text"]} {DateTime.Parse(a["at"]!.GetValue<string>()).ToUniversalTime():O}";
}
