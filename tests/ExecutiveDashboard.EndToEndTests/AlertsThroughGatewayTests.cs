using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ExecutiveDashboard.TestSupport;
using Xunit.Abstractions;
using static ExecutiveDashboard.EndToEndTests.Events;

namespace ExecutiveDashboard.EndToEndTests;

/// <summary>
/// The alert path end to end: runs ingested through the gateway make a workspace's last-hour error rate 30 % over 20
/// runs; the executions service's MetricsChanged reaches the alerts service, which reads the signals from the
/// executions and billing services and raises a critical high-error-rate alert; the overview's activeAlerts shows it,
/// and a browser subscribed to the workspace on the gateway's WebSocket gets it as an activity frame. More successful
/// runs clear the condition, and the alert resolves in both places. The alerts service evaluates at the real now, so
/// the runs complete in the minutes just before it, and the overview is read without asOf (now).
/// </summary>
[Collection(DashboardAppCollection.Name)]
public sealed class AlertsThroughGatewayTests(DashboardApp app, ITestOutputHelper output)
{
    private const string Workspace = "hand_alert";
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task A_burst_of_failed_runs_raises_a_critical_alert_on_the_overview_and_the_live_feed_and_it_clears()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var ingest = await app.SignInAsync("ingest", "*");
        var ceo = await app.SignInAsync("ceo", Workspace);
        await using var live = await LiveSocket.ConnectAsync(app.Gateway.BaseAddress!, ceo.DefaultRequestHeaders.Authorization!.Parameter, cts.Token);
        await live.SubscribeAsync(Workspace, cts.Token);
        var now = DateTime.UtcNow;

        // 20 runs over the last 10 minutes, 6 failed: 30 % > 25 % with ≥ 20 runs.
        await PostAsync(ingest, "/api/executions/events", Enumerable.Range(0, 20)
            .Select(i => Run($"alert-r{i}", Workspace, "ag_alert", "Alert Bot", "u_alert", succeeded: i >= 6,
                Iso(now.AddSeconds(-30 * (i + 1))), 5, 1.00m))
            .ToArray());
        var clock = Stopwatch.StartNew();

        var feed = await CollectAsync(live, frame => (string?)frame["kind"] == "alert.triggered", cts.Token);
        output.WriteLine($"the alert was on the live feed {clock.ElapsedMilliseconds} ms after the 202");
        Assert.Equal("Critical alert: 30 % of runs failed in the last hour (6 of 20), above the 25 % threshold.",
            (string?)feed[^1]["text"]);
        Assert.Contains(feed, f => (string?)f["kind"] == "run.failed" && (string?)f["text"] == "Alert Bot failed for u_alert after 5 s: E_TIMEOUT");
        Assert.Contains(feed, f => (string?)f["event"] == "metrics_update" && f["sections"]!.AsArray().Any(s => (string?)s == "executionMetrics"));
        Assert.All(feed, f => Assert.Equal(Workspace, (string?)f["workspaceId"]));

        var answer = await OverviewWhenAsync(ceo, alerts => alerts.Count > 0);
        output.WriteLine($"the alert was in the overview {clock.ElapsedMilliseconds} ms after the 202");
        var alert = Assert.Single(answer["activeAlerts"]!.AsArray())!;
        Assert.Equal("high-error-rate", alert["type"]!.GetValue<string>());
        Assert.Equal("critical", alert["severity"]!.GetValue<string>());
        Assert.Equal("30 % of runs failed in the last hour (6 of 20), above the 25 % threshold.", alert["message"]!.GetValue<string>());
        Assert.Empty(answer["meta"]!["degraded"]!.AsArray());

        // The alerts API through the gateway's route says the same; a reader of another workspace gets nothing.
        var listed = (await ceo.GetFromJsonAsync<JsonArray>($"/api/alerts?workspace_id={Workspace}&state=active"))!;
        Assert.Equal(alert["id"]!.GetValue<string>(), Assert.Single(listed)!["id"]!.GetValue<string>());
        var other = await app.SignInAsync("ceo", "hand_other");
        using var forbidden = await other.GetAsync($"/api/alerts?workspace_id={Workspace}&state=active");
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);

        // 60 more successful runs: 6 of 80 failed, 7.5 %, below the threshold.
        now = DateTime.UtcNow;
        await PostAsync(ingest, "/api/executions/events", Enumerable.Range(0, 60)
            .Select(i => Run($"alert-ok{i}", Workspace, "ag_alert", "Alert Bot", "u_alert", succeeded: true,
                Iso(now.AddSeconds(-5 * (i + 1))), 5, 1.00m))
            .ToArray());
        clock.Restart();

        await CollectAsync(live, frame => (string?)frame["kind"] == "alert.resolved", cts.Token);
        output.WriteLine($"the alert left the live feed {clock.ElapsedMilliseconds} ms after the 202");
        Assert.Empty((await OverviewWhenAsync(ceo, alerts => alerts.Count == 0))["activeAlerts"]!.AsArray());
        output.WriteLine($"the alert left the overview {clock.ElapsedMilliseconds} ms after the 202");

        // Once more, now that every path is warm: 60 failed runs, 66 of 140 (47 %).
        now = DateTime.UtcNow;
        await PostAsync(ingest, "/api/executions/events", Enumerable.Range(0, 60)
            .Select(i => Run($"alert-again{i}", Workspace, "ag_alert", "Alert Bot", "u_alert", succeeded: false,
                Iso(now.AddSeconds(-3 * (i + 1))), 5, 1.00m))
            .ToArray());
        clock.Restart();
        await CollectAsync(live, frame => (string?)frame["kind"] == "alert.triggered", cts.Token);
        output.WriteLine($"warm: the alert was on the live feed {clock.ElapsedMilliseconds} ms after the 202");
        Assert.Single((await OverviewWhenAsync(ceo, alerts => alerts.Count > 0))["activeAlerts"]!.AsArray());
        output.WriteLine($"warm: the alert was in the overview {clock.ElapsedMilliseconds} ms after the 202");
    }

    /// <summary>
    /// Acknowledging is news to the scope's other viewers: Dana's first acknowledgement goes out through the alerts
    /// service's outbox as <c>AlertAcknowledged</c> and a change of <c>activeAlerts</c>, and the gateway gives another
    /// viewer of the workspace, and the platform's, the line "Dana Ack acknowledged: …" and a <c>metrics_update</c> that
    /// makes the alerts panel refetch; a viewer of another workspace gets neither.
    /// </summary>
    [Fact]
    public async Task An_acknowledgement_reaches_the_scope_s_other_viewers_and_the_platform_and_no_other_workspace()
    {
        const string acked = "hand_ack", other = "hand_ack_other";
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var ingest = await app.SignInAsync("ingest", "*");
        var dana = await app.SignInAsync("ceo", acked, "Dana Ack");
        await using var viewer = await SubscribedAsync(await app.SignInAsync("ceo", acked, "Viewer"), acked, cts.Token);
        await using var platform = await SubscribedAsync(await app.SignInAsync("admin", "*"), "all", cts.Token);
        await using var outsider = await SubscribedAsync(await app.SignInAsync("ceo", other, "Outsider"), other, cts.Token);

        // 20 failed runs of the last 10 minutes: a critical high-error-rate alert, whose own activeAlerts update comes first.
        var now = DateTime.UtcNow;
        await PostAsync(ingest, "/api/executions/events", Enumerable.Range(0, 20)
            .Select(i => Run($"ack-r{i}", acked, "ag_ack", "Ack Bot", "u_ack", succeeded: false, Iso(now.AddSeconds(-30 * (i + 1))), 5, 1.00m))
            .ToArray());
        await UntilSeenAsync(viewer, [IsActivity("alert.triggered"), IsAlertsUpdate], cts.Token);
        var alert = Assert.Single((await dana.GetFromJsonAsync<JsonArray>($"/api/alerts?workspace_id={acked}&state=active"))!)!;
        var (id, message) = (alert["id"]!.GetValue<string>(), alert["message"]!.GetValue<string>());

        using (var response = await dana.PostAsync($"/api/alerts/{id}/acknowledge", null))
        {
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.OK, body);
            Assert.Equal("Dana Ack", JsonNode.Parse(body)!["acknowledgedByName"]!.GetValue<string>());
        }

        var seen = await UntilSeenAsync(viewer, [IsActivity("alert.acknowledged"), IsAlertsUpdate], cts.Token);
        var line = seen.Single(IsActivity("alert.acknowledged"));
        Assert.Equal(($"{id}:acknowledged", acked, $"Dana Ack acknowledged: {message}"),
            ((string?)line["id"], (string?)line["workspaceId"], (string?)line["text"]));
        Assert.Equal(acked, (string?)seen.First(IsAlertsUpdate)["workspaceId"]);
        var platformLine = (await UntilSeenAsync(platform, [f => (string?)f["id"] == $"{id}:acknowledged"], cts.Token))[^1];
        Assert.Equal(line.ToJsonString(), platformLine.ToJsonString());

        // The outsider's feed: a run of its own workspace comes, and nothing of the other workspace came before it (the
        // gateway sends lines in the order it consumed the events, and the acknowledgement's were consumed first).
        await PostAsync(ingest, "/api/executions/events",
            Run("ack-outsider", other, "ag_out", "Out Bot", "u_out", succeeded: true, Iso(DateTime.UtcNow.AddSeconds(-1)), 5, 1.00m));
        var frames = await UntilSeenAsync(outsider, [f => (string?)f["id"] == "ack-outsider"], cts.Token);
        Assert.All(frames, f => Assert.Equal(other, (string?)f["workspaceId"]));
        Assert.DoesNotContain(frames, f => IsActivity("alert.acknowledged")(f) || IsAlertsUpdate(f));
    }

    private static Func<JsonObject, bool> IsActivity(string kind) => f => (string?)f["event"] == "activity" && (string?)f["kind"] == kind;

    private static bool IsAlertsUpdate(JsonObject f) =>
        (string?)f["event"] == "metrics_update" && f["sections"]!.AsArray().Any(s => (string?)s == "activeAlerts");

    private async Task<LiveSocket> SubscribedAsync(HttpClient client, string scope, CancellationToken cancellationToken)
    {
        var socket = await LiveSocket.ConnectAsync(app.Gateway.BaseAddress!, client.DefaultRequestHeaders.Authorization!.Parameter, cancellationToken);
        await socket.SubscribeAsync(scope, cancellationToken);
        return socket;
    }

    /// <summary>Frames until each of <paramref name="wanted"/> has accepted one.</summary>
    private static async Task<List<JsonObject>> UntilSeenAsync(LiveSocket live, Func<JsonObject, bool>[] wanted, CancellationToken cancellationToken)
    {
        var frames = new List<JsonObject>();
        while (!wanted.All(frames.Any))
        {
            frames.Add(await live.ReceiveAsync(cancellationToken)
                ?? throw new InvalidOperationException($"the gateway closed the socket: {live.CloseStatus} {live.CloseReason}"));
        }
        return frames;
    }

    private async Task<JsonObject> OverviewWhenAsync(HttpClient ceo, Func<JsonArray, bool> done)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            using var response = await ceo.GetAsync($"/api/executive/overview?workspace_id={Workspace}&timeframe=24h");
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.OK, body);
            var answer = JsonNode.Parse(body)!.AsObject();
            if (done(answer["activeAlerts"]!.AsArray()) || clock.Elapsed > Settle)
            {
                return answer;
            }
            await Task.Delay(100);
        }
    }

    /// <summary>Frames up to and including the first that <paramref name="last"/> accepts.</summary>
    private static async Task<List<JsonObject>> CollectAsync(LiveSocket live, Func<JsonObject, bool> last, CancellationToken cancellationToken)
    {
        var frames = new List<JsonObject>();
        do
        {
            frames.Add(await live.ReceiveAsync(cancellationToken)
                ?? throw new InvalidOperationException($"the gateway closed the socket: {live.CloseStatus} {live.CloseReason}"));
        }
        while (!last(frames[^1]));
        return frames;
    }
}
