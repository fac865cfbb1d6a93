using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Xunit.Abstractions;
using static ExecutiveDashboard.EndToEndTests.Events;

namespace ExecutiveDashboard.EndToEndTests;

/// <summary>
/// The alert path end to end: runs ingested through the gateway make a workspace's last-hour error rate 30 % over 20
/// runs; the executions service's MetricsChanged reaches the alerts service, which reads the signals from the
/// executions and billing services and raises a critical high-error-rate alert; the overview's activeAlerts shows it.
/// The alerts service evaluates at the real now, so the runs complete in the minutes just before it, and the overview
/// is read without asOf (now).
/// </summary>
[Collection(DashboardAppCollection.Name)]
public sealed class AlertsThroughGatewayTests(DashboardApp app, ITestOutputHelper output)
{
    private const string Workspace = "hand_alert";
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task A_burst_of_failed_runs_shows_as_a_critical_alert_in_the_overview()
    {
        var ingest = await app.SignInAsync("ingest", "*");
        var ceo = await app.SignInAsync("ceo", Workspace);
        var now = DateTime.UtcNow;
        // 20 runs over the last 10 minutes, 6 failed: 30 % > 25 % with ≥ 20 runs.
        await PostAsync(ingest, "/api/executions/events", Enumerable.Range(0, 20)
            .Select(i => Run($"alert-r{i}", Workspace, "ag_alert", "Alert Bot", "u_alert", succeeded: i >= 6,
                Iso(now.AddSeconds(-30 * (i + 1))), 5, 1.00m))
            .ToArray());

        var clock = Stopwatch.StartNew();
        JsonObject answer;
        do
        {
            using var response = await ceo.GetAsync($"/api/executive/overview?workspace_id={Workspace}&timeframe=24h");
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.OK, body);
            answer = JsonNode.Parse(body)!.AsObject();
            if (answer["activeAlerts"]!.AsArray().Count > 0)
            {
                break;
            }
            await Task.Delay(100);
        }
        while (clock.Elapsed < Settle);
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
    }
}
